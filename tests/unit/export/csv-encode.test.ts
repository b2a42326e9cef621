import { describe, expect, it } from "vitest";
import { encodeCsv } from "~/domain/export/csv-encode";

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("encodeCsv", () => {
  it("starts with the UTF-8 byte order mark and ends rows with CRLF", () => {
    const bytes = encodeCsv([
      ["設問", "平均"],
      ["Q01", 2.577],
    ]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe("\uFEFF設問,平均\r\nQ01,2.577\r\n");
  });

  it("quotes as RFC 4180 asks", () => {
    expect(decode(encodeCsv([['say "hi"', "a,b", "two\nlines", "cr\rhere", " spaced "]]))).toBe(
      '\uFEFF"say ""hi""","a,b","two\nlines","cr\rhere", spaced \r\n',
    );
  });

  it("neutralises text formulas but leaves numbers as numbers", () => {
    expect(decode(encodeCsv([['=HYPERLINK("http://x")', "-5", -5, "＠x", -0.053]]))).toBe(
      '\uFEFF"\'=HYPERLINK(""http://x"")",\'-5,-5,\'＠x,-0.053\r\n',
    );
  });

  it("quotes a neutralised cell that starts with CR", () => {
    expect(decode(encodeCsv([["\r=1"]]))).toBe('\uFEFF"\'\r=1"\r\n');
  });

  it("writes fixed decimals, blanks and zero", () => {
    expect(
      decode(
        encodeCsv([[{ value: 3, decimals: 3 }, { value: -0.05, decimals: 3 }, null, -0, { value: -0, decimals: 1 }]]),
      ),
    ).toBe("\uFEFF3.000,-0.050,,0,0.0\r\n");
  });

  it("writes an empty row and an empty file", () => {
    expect(decode(encodeCsv([[], ["a"]]))).toBe("\uFEFF\r\na\r\n");
    expect(decode(encodeCsv([]))).toBe("\uFEFF");
  });

  it("writes a cell the same however often it repeats, long or short, and however many distinct texts come first", () => {
    const distinct = Array.from({ length: 12_000 }, (_, i) => [`t${i}`]);
    const long = `=${"長".repeat(70)},"`;
    const repeated = [["総務部", "=1", 'a"b', long, 0, 9, 10, -1, 1.5, -0]];
    const text = decode(encodeCsv([...repeated, ...distinct, ...repeated, ...repeated]));
    const line = `総務部,'=1,"a""b","'${long.replace('"', '""')}",0,9,10,-1,1.5,0\r\n`;
    expect(text.startsWith(`\uFEFF${line}t0\r\n`)).toBe(true);
    expect(text.endsWith(`t11999\r\n${line}${line}`)).toBe(true);
  });

  it("refuses numbers a spreadsheet cannot hold", () => {
    expect(() => encodeCsv([[Number.NaN]])).toThrow(RangeError);
    expect(() => encodeCsv([[{ value: Number.POSITIVE_INFINITY, decimals: 3 }]])).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsv } from "~/domain/csv";

function hex(bytes: string): Uint8Array {
  return Uint8Array.from(bytes.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

describe("decodeCsvBytes", () => {
  it("reads UTF-8 without a byte order mark", () => {
    expect(decodeCsvBytes(new TextEncoder().encode("職員番号,氏名\n"))).toEqual({ text: "職員番号,氏名\n", encoding: "utf-8" });
  });

  it("drops a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("職員番号")]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: "職員番号", encoding: "utf-8" });
  });

  it("falls back to CP932, including NEC extensions such as 髙", () => {
    // `printf '職員番号,氏名\r\n0012,髙橋\r\n' | iconv -f UTF-8 -t CP932 | xxd -p`
    const bytes = hex("904588f594d48d862c8e8196bc0d0a303031322cfbfc8bb40d0a");
    expect(decodeCsvBytes(bytes)).toEqual({ text: "職員番号,氏名\r\n0012,髙橋\r\n", encoding: "shift_jis" });
  });

  it("reads half-width katakana in CP932 as half-width katakana", () => {
    // ｽｽﾞｷ in CP932
    expect(decodeCsvBytes(hex("bdbddeb7")).text).toBe("ｽｽﾞｷ");
  });

  it("reads plain ASCII as UTF-8", () => {
    expect(decodeCsvBytes(hex("612c620a"))).toEqual({ text: "a,b\n", encoding: "utf-8" });
  });
});

describe("parseCsv", () => {
  it("splits LF records with Excel line numbers", () => {
    expect(parseCsv("a,b\nc,d\n")).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b"] },
        { line: 2, cells: ["c", "d"] },
      ],
    });
  });

  it("treats CRLF and a missing final newline the same", () => {
    expect(parseCsv("a,b\r\nc,d")).toEqual(parseCsv("a,b\nc,d\n"));
  });

  it("accepts a lone CR as a line break", () => {
    expect(parseCsv("a\rb")).toEqual({ ok: true, records: [{ line: 1, cells: ["a"] }, { line: 2, cells: ["b"] }] });
  });

  it("strips a byte order mark left in the text", () => {
    expect(parseCsv("\uFEFFa,b")).toEqual({ ok: true, records: [{ line: 1, cells: ["a", "b"] }] });
  });

  it("keeps commas and doubled quotes inside quoted cells", () => {
    expect(parseCsv('"総務部, 人事課","He said ""hi""",x\n')).toEqual({
      ok: true,
      records: [{ line: 1, cells: ["総務部, 人事課", 'He said "hi"', "x"] }],
    });
  });

  it("keeps line breaks inside quoted cells and counts records, not physical lines", () => {
    const text = 'h1,h2\r\n"two\r\nlines",x\r\n"three\nphysical\nlines",y\r\nlast,z\r\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["h1", "h2"] },
        { line: 2, cells: ["two\r\nlines", "x"] },
        { line: 3, cells: ["three\nphysical\nlines", "y"] },
        { line: 4, cells: ["last", "z"] },
      ],
    });
  });

  it("skips blank records but still counts them, as Excel shows them as empty rows", () => {
    expect(parseCsv("a\n\n,,\nb\n\n")).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a"] },
        { line: 4, cells: ["b"] },
      ],
    });
  });

  it("keeps empty cells, including a trailing one", () => {
    expect(parseCsv("a,,b,\n")).toEqual({ ok: true, records: [{ line: 1, cells: ["a", "", "b", ""] }] });
  });

  it("keeps an empty quoted cell", () => {
    expect(parseCsv('"",x\n')).toEqual({ ok: true, records: [{ line: 1, cells: ["", "x"] }] });
  });

  it("keeps a stray quote inside an unquoted cell as text, as Excel does", () => {
    expect(parseCsv('5" disk,x\n')).toEqual({ ok: true, records: [{ line: 1, cells: ['5" disk', "x"] }] });
  });

  it("keeps text after a closing quote, and multi-byte text, whole", () => {
    expect(parseCsv('"総務"部,企画経営部\r\n"a""b"c"d,区民　生活部')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["総務部", "企画経営部"] },
        { line: 2, cells: ['a"bc"d', "区民　生活部"] },
      ],
    });
  });

  it("reports the record where an unclosed quote opens", () => {
    expect(parseCsv('a,b\nc,d\n"never closed,e\nf,g\n')).toEqual({ ok: false, unclosedQuoteLine: 3 });
  });

  it("returns no records for empty text", () => {
    expect(parseCsv("")).toEqual({ ok: true, records: [] });
    expect(parseCsv("\r\n\r\n")).toEqual({ ok: true, records: [] });
  });
});

import { describe, expect, it } from "vitest";
import { buildXlsx } from "~/domain/export/xlsx";
import { crc32, createZip } from "~/domain/export/zip";
import { readZip } from "../../support/zip-reader";

function parts(archive: Uint8Array): Map<string, string> {
  return new Map(readZip(archive).map((entry) => [entry.path, entry.data.toString("utf8")]));
}

describe("crc32", () => {
  it("matches the standard check values", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(new TextEncoder().encode("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });
});

describe("createZip", () => {
  const text = new TextEncoder().encode("品川区 ".repeat(200));
  const tiny = new Uint8Array([1, 2, 3]);

  it("round-trips deflated and stored entries with UTF-8 names", () => {
    const entries = readZip(
      createZip([
        { path: "docs/長い.txt", data: text },
        { path: "tiny.bin", data: tiny },
        { path: "empty", data: new Uint8Array() },
      ]),
    );
    expect(entries.map((entry) => [entry.path, entry.method, entry.flags & 0x0800])).toEqual([
      ["docs/長い.txt", 8, 0x0800],
      ["tiny.bin", 0, 0x0800],
      ["empty", 0, 0x0800],
    ]);
    expect(entries[0]?.data.equals(Buffer.from(text))).toBe(true);
    expect([...(entries[1]?.data ?? [])]).toEqual([1, 2, 3]);
    expect(entries[2]?.data.length).toBe(0);
  });

  it("gives the same bytes for the same input", () => {
    const entries = [{ path: "a.txt", data: text }];
    expect(Buffer.from(createZip(entries)).equals(Buffer.from(createZip(entries)))).toBe(true);
  });

  it("writes an empty archive", () => {
    expect(readZip(createZip([]))).toEqual([]);
  });

  it("refuses repeated or odd paths", () => {
    expect(() =>
      createZip([
        { path: "a", data: tiny },
        { path: "a", data: tiny },
      ]),
    ).toThrow();
    expect(() => createZip([{ path: "/abs", data: tiny }])).toThrow();
    expect(() => createZip([{ path: "a\\b", data: tiny }])).toThrow();
    expect(() => createZip([{ path: "", data: tiny }])).toThrow();
  });
});

describe("buildXlsx", () => {
  const workbook = parts(
    buildXlsx([
      {
        name: "KPI",
        boldHeader: true,
        rows: [
          ["設問", "平均", "回答数", "変化"],
          ['Q01 <品川> & "区"', { value: 2.577, decimals: 3 }, 1736, { value: -0.05, decimals: 3 }],
          ["=cmd|' /C calc'!A0", { value: 3, decimals: 3 }, null, -1.5],
        ],
      },
      { name: "分布", rows: [["x"], [], Array.from({ length: 28 }, (_, index) => index)] },
    ]),
  );

  it("has the parts of a workbook, content types first", () => {
    expect([...workbook.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    const contentTypes = workbook.get("[Content_Types].xml");
    expect(contentTypes).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(contentTypes).toContain("spreadsheetml.sheet.main+xml");
    expect(workbook.get("_rels/.rels")).toContain('Target="xl/workbook.xml"');
    expect(workbook.get("xl/_rels/workbook.xml.rels")).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"',
    );
  });

  it("names the sheets in order", () => {
    expect(workbook.get("xl/workbook.xml")).toContain(
      '<sheets><sheet name="KPI" sheetId="1" r:id="rId1"/><sheet name="分布" sheetId="2" r:id="rId2"/></sheets>',
    );
  });

  it("writes text as escaped inline strings and numbers as numbers", () => {
    const sheet = workbook.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">Q01 &lt;品川&gt; &amp; &quot;区&quot;</t></is></c>',
    );
    expect(sheet).toContain('<c r="C2"><v>1736</v></c>');
    expect(sheet).toContain('<c r="D3"><v>-1.5</v></c>');
    expect(sheet).not.toContain('r="C3"');
  });

  it("formats fixed decimals, bolds the header and quote-prefixes formula-like text", () => {
    const sheet = workbook.get("xl/worksheets/sheet1.xml") ?? "";
    const styles = workbook.get("xl/styles.xml") ?? "";
    const styleOf = (reference: string) => new RegExp(`<c r="${reference}"[^>]* s="(\\d+)"`).exec(sheet)?.[1];
    const xfs = [...styles.matchAll(/<xf [^>]*\/>/g)].map((match) => match[0]).slice(1); // after cellStyleXfs

    expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.000"/>');
    expect(xfs[Number(styleOf("A1"))]).toContain('fontId="1"');
    expect(xfs[Number(styleOf("B2"))]).toContain('numFmtId="164"');
    expect(styleOf("B3")).toBe(styleOf("B2"));
    expect(xfs[Number(styleOf("A3"))]).toContain('quotePrefix="1"');
    expect(sheet).toContain("<t xml:space=\"preserve\">=cmd|' /C calc'!A0</t>");
    expect(styleOf("A2")).toBeUndefined();
    expect(styles).toContain(`<cellXfs count="${xfs.length}">`);
  });

  it("letters columns past Z", () => {
    const sheet = workbook.get("xl/worksheets/sheet2.xml") ?? "";
    expect(sheet).toContain('<c r="Z3"><v>25</v></c><c r="AA3"><v>26</v></c><c r="AB3"><v>27</v></c>');
    expect(sheet).toContain('<row r="2"></row>');
  });

  it("drops characters XML cannot carry", () => {
    const sheet = parts(buildXlsx([{ name: "S", rows: [["a\u0001b\tc"]] }])).get("xl/worksheets/sheet1.xml");
    expect(sheet).toContain(">ab\tc</t>");
  });

  it("refuses bad sheet names and numbers", () => {
    expect(() => buildXlsx([])).toThrow();
    expect(() => buildXlsx([{ name: "a/b", rows: [] }])).toThrow();
    expect(() => buildXlsx([{ name: "x".repeat(32), rows: [] }])).toThrow();
    expect(() =>
      buildXlsx([
        { name: "Sheet", rows: [] },
        { name: "SHEET", rows: [] },
      ]),
    ).toThrow();
    expect(() => buildXlsx([{ name: "S", rows: [[Number.NaN]] }])).toThrow(RangeError);
    expect(() => buildXlsx([{ name: "S", rows: [[{ value: 1, decimals: 1.5 }]] }])).toThrow(RangeError);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { csvStream, encodeCsv } from "~/domain/export/csv-encode";
import type { ExportCell } from "~/domain/export/formula-safety";
import { buildXlsx, xlsxStream } from "~/domain/export/xlsx";
import { crc32, zipStream } from "~/domain/export/zip";
import { readZip as readEntries } from "../../support/zip-reader";

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const piece of pieces) parts.push(Buffer.from(piece));
  return Buffer.concat(parts);
}

/** The archive's entries by path, read and checked by the independent reader. */
function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(readEntries(zip).map((entry) => [entry.path, entry.data]));
}

async function* chunksOf<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

describe("zipStream", () => {
  it("writes entries given whole and entries produced piece by piece", async () => {
    const text = Buffer.from("品川区 ".repeat(5000));
    async function* pieces() {
      for (let i = 0; i < text.length; i += 777) yield text.subarray(i, i + 777);
    }
    const entries = readZip(
      await collect(
        zipStream([
          { path: "a/長い.txt", data: pieces() },
          { path: "tiny.bin", data: new Uint8Array([1, 2, 3]) },
          { path: "empty", data: new Uint8Array() },
        ]),
      ),
    );
    expect([...entries.keys()]).toEqual(["a/長い.txt", "tiny.bin", "empty"]);
    const facts = readEntries(await collect(zipStream([{ path: "x", data: text }])))[0]!;
    // Deflated, UTF-8 names, CRC and sizes in a data descriptor after the data.
    expect([facts.method, facts.flags]).toEqual([8, 0x0808]);
    expect(entries.get("a/長い.txt")!.equals(text)).toBe(true);
    expect([...entries.get("tiny.bin")!]).toEqual([1, 2, 3]);
    expect(entries.get("empty")!.length).toBe(0);
  });

  it("continues a CRC over pieces as over the whole", () => {
    const data = Buffer.from("The quick brown fox jumps over the lazy dog");
    expect(crc32(data.subarray(10), crc32(data.subarray(0, 10)))).toBe(0x414fa339);
  });

  it("stops reading the source when the reader stops", async () => {
    let produced = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          produced += 1;
          // Incompressible, so what is read out matches what was taken in.
          yield randomBytes(64 * 1024);
        }
      } finally {
        closed = true;
      }
    }
    const archive = zipStream([{ path: "big", data: endless() }]);
    let read = 0;
    for await (const piece of archive) {
      read += piece.length;
      if (read > 256 * 1024) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
    // 256 KB read: the source ran only a few pieces ahead of the reader, not to the end of memory.
    expect(produced).toBeLessThan(16);
  });

  it("refuses repeated or odd paths", async () => {
    await expect(collect(zipStream([{ path: "a", data: new Uint8Array() }, { path: "a", data: new Uint8Array() }]))).rejects.toThrow();
    await expect(collect(zipStream([{ path: "/abs", data: new Uint8Array() }]))).rejects.toThrow();
  });
});

describe("xlsxStream", () => {
  const rows: ExportCell[][] = [
    ["所属（部）", "Q01", "意見"],
    ["総務部", 3, '=HYPERLINK("x")'],
    [null, { value: 2.5, decimals: 3 }, "a\u0001b"],
    ...Array.from({ length: 2500 }, (_, index): ExportCell[] => [index % 2 === 0 ? "福祉部" : null, (index % 4) + 1, `意見${index}`]),
  ];

  it("writes the workbook the in-memory writer writes, part for part, with the styles last", async () => {
    const streamed = readZip(await collect(xlsxStream({ name: "回答データ", rows: chunksOf(rows, 7), boldHeader: true })));
    const whole = readZip(Buffer.from(buildXlsx([{ name: "回答データ", rows, boldHeader: true }])));
    expect([...streamed.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/styles.xml",
    ]);
    expect(new Set(streamed.keys())).toEqual(new Set(whole.keys()));
    for (const [path, data] of streamed) expect(data.toString("utf8")).toBe(whole.get(path)!.toString("utf8"));
    expect(streamed.get("xl/worksheets/sheet1.xml")!.toString("utf8")).toContain('<row r="2503">');
  });

  it("gives the sheet XML the in-memory writer gives, chunk boundaries or not", async () => {
    const one = readZip(await collect(xlsxStream({ name: "S", rows: chunksOf(rows, rows.length), boldHeader: true })));
    const many = readZip(await collect(xlsxStream({ name: "S", rows: chunksOf(rows, 3), boldHeader: true })));
    expect(many.get("xl/worksheets/sheet1.xml")!.equals(one.get("xl/worksheets/sheet1.xml")!)).toBe(true);
    expect(many.get("xl/styles.xml")!.equals(one.get("xl/styles.xml")!)).toBe(true);
  });

  it("refuses a bad sheet name before writing anything", () => {
    expect(() => xlsxStream({ name: "a/b", rows: chunksOf(rows, 5) })).toThrow();
  });
});

describe("csvStream", () => {
  it("gives exactly the bytes of the file encoded whole: one byte order mark, then every chunk", async () => {
    const rows: ExportCell[][] = [["a", "b"], ["=1+1", 2], ["改行\nあり", null], ["x", { value: 1, decimals: 3 }]];
    const streamed = await collect(csvStream(chunksOf(rows, 1)));
    expect(streamed.equals(Buffer.from(encodeCsv(rows)))).toBe(true);
  });
});

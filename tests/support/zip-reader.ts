import { inflateRawSync } from "node:zlib";
import { expect } from "vitest";
import { crc32 } from "~/domain/export/zip";

export interface ReadEntry {
  path: string;
  method: number;
  flags: number;
  data: Buffer;
}

/**
 * An independent ZIP reader for the tests: walks the central directory from the end record, checks
 * every local header against it, inflates and verifies the CRC. For an entry whose CRC and sizes
 * follow its data (general purpose bit 3, as streamed entries are written) the local header must say
 * so and the data descriptor must repeat the central values; otherwise the local header must.
 */
export function readZip(archive: Uint8Array): ReadEntry[] {
  const zip = Buffer.from(archive);
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  let cursor = zip.readUInt32LE(end + 16);
  expect(cursor + directorySize).toBe(end);

  const entries: ReadEntry[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(cursor)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(cursor + 8);
    const method = zip.readUInt16LE(cursor + 10);
    const checksum = zip.readUInt32LE(cursor + 16);
    const compressedSize = zip.readUInt32LE(cursor + 20);
    const size = zip.readUInt32LE(cursor + 24);
    const nameLength = zip.readUInt16LE(cursor + 28);
    const extraLength = zip.readUInt16LE(cursor + 30);
    const commentLength = zip.readUInt16LE(cursor + 32);
    const localOffset = zip.readUInt32LE(cursor + 42);
    const path = zip.toString("utf8", cursor + 46, cursor + 46 + nameLength);
    cursor += 46 + nameLength + extraLength + commentLength;

    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    expect(zip.readUInt16LE(localOffset + 6)).toBe(flags);
    const localNameLength = zip.readUInt16LE(localOffset + 26);
    expect(zip.toString("utf8", localOffset + 30, localOffset + 30 + localNameLength)).toBe(path);
    const start = localOffset + 30 + localNameLength + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(start, start + compressedSize);
    const facts = [checksum, compressedSize, size];
    if (flags & 0x0008) {
      const descriptor = start + compressedSize;
      expect(zip.readUInt32LE(descriptor)).toBe(0x08074b50);
      expect([zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)]).toEqual(facts);
    } else {
      expect([zip.readUInt32LE(localOffset + 14), zip.readUInt32LE(localOffset + 18), zip.readUInt32LE(localOffset + 22)]).toEqual(facts);
    }
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(checksum);
    entries.push({ path, method, flags, data });
  }
  expect(cursor).toBe(end);
  return entries;
}

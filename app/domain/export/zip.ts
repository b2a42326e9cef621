import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants, crc32 as zlibCrc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  /** Forward slashes, no leading slash: "xl/workbook.xml". */
  path: string;
  data: Uint8Array;
}

/** An entry whose content is produced piece by piece while the archive is being written. */
export interface ZipStreamEntry {
  path: string;
  data: Uint8Array | AsyncIterable<Uint8Array>;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION_NEEDED = 20;
/** General purpose bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** General purpose bit 3: CRC and sizes follow the data (a streamed entry's are known only then). */
const SIZES_AFTER_DATA = 0x0008;
const STORED = 0;
const DEFLATED = 8;
/** 1980-01-01 00:00, the DOS epoch: a fixed time makes the same input give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

/** CRC-32 as ZIP uses it (node:zlib's, Node ≥ 20.15), continuing from `previous` for data that comes in pieces. */
export function crc32(data: Uint8Array, previous = 0): number {
  return zlibCrc32(data, previous);
}

interface EntryFacts {
  name: Buffer;
  method: number;
  flags: number;
  checksum: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function localHeader(facts: Omit<EntryFacts, "offset">): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(LOCAL_HEADER, 0);
  local.writeUInt16LE(VERSION_NEEDED, 4);
  local.writeUInt16LE(facts.flags, 6);
  local.writeUInt16LE(facts.method, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(facts.checksum, 14);
  local.writeUInt32LE(facts.compressedSize, 18);
  local.writeUInt32LE(facts.size, 22);
  local.writeUInt16LE(facts.name.length, 26);
  local.writeUInt16LE(0, 28);
  return local;
}

function centralHeader(facts: EntryFacts): Buffer {
  const central = Buffer.alloc(46);
  central.writeUInt32LE(CENTRAL_HEADER, 0);
  central.writeUInt16LE(VERSION_NEEDED, 4);
  // From "version needed" to "extra field length" the central header repeats the local one.
  localHeader(facts).copy(central, 6, 4, 30);
  central.writeUInt16LE(0, 32);
  central.writeUInt16LE(0, 34);
  central.writeUInt16LE(0, 36);
  central.writeUInt32LE(0, 38);
  central.writeUInt32LE(facts.offset, 42);
  return Buffer.concat([central, facts.name]);
}

function endOfCentralDirectory(entries: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  end.writeUInt16LE(0, 20);
  return end;
}

function checkedName(path: string, paths: Set<string>): Buffer {
  if (path === "" || path.startsWith("/") || path.includes("\\") || paths.has(path)) {
    throw new Error(`invalid or repeated ZIP entry path: ${path}`);
  }
  paths.add(path);
  return Buffer.from(path, "utf8");
}

/**
 * A ZIP archive (PKWARE APPNOTE 6.3) of the entries in the order given. Each entry is deflated
 * unless that would make it larger. Without ZIP64, sizes and offsets must fit 32 bits; Buffer's
 * writeUInt32LE throws a RangeError past that, far beyond any export Yell makes.
 */
export function createZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_UINT16) throw new RangeError("too many entries for a ZIP without ZIP64");
  const paths = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    const name = checkedName(entry.path, paths);
    const deflated = deflateRawSync(entry.data);
    const useDeflate = deflated.length < entry.data.length;
    const stored = useDeflate ? deflated : Buffer.from(entry.data);
    const facts = {
      name,
      method: useDeflate ? DEFLATED : STORED,
      flags: UTF8_NAMES,
      checksum: crc32(entry.data),
      compressedSize: stored.length,
      size: entry.data.length,
      offset,
    };
    const local = localHeader(facts);
    locals.push(local, name, stored);
    centrals.push(centralHeader(facts));
    offset += local.length + name.length + stored.length;
  }

  const directory = Buffer.concat(centrals);
  return Buffer.concat([...locals, directory, endOfCentralDirectory(entries.length, directory.length, offset)]);
}

async function* piecesOf(data: Uint8Array | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) yield data;
  else yield* data;
}

/**
 * The same archive format written as it is produced: every entry is deflated as a stream, its
 * CRC computed piece by piece, and its sizes given in a data descriptor after the data, so no
 * entry is ever held whole. Memory stays at the deflate window plus one piece, whatever the size.
 */
export async function* zipStream(entries: Iterable<ZipStreamEntry> | AsyncIterable<ZipStreamEntry>): AsyncGenerator<Uint8Array> {
  const paths = new Set<string>();
  const written: EntryFacts[] = [];
  let offset = 0;

  for await (const entry of entries) {
    if (written.length >= MAX_UINT16) throw new RangeError("too many entries for a ZIP without ZIP64");
    const name = checkedName(entry.path, paths);
    const facts: EntryFacts = { name, method: DEFLATED, flags: UTF8_NAMES | SIZES_AFTER_DATA, checksum: 0, compressedSize: 0, size: 0, offset };
    const local = localHeader(facts);
    yield Buffer.concat([local, name]);
    offset += local.length + name.length;

    let checksum = 0;
    let size = 0;
    let compressedSize = 0;
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    const feeding = pipeline(
      Readable.from(
        (async function* () {
          for await (const piece of piecesOf(entry.data)) {
            checksum = crc32(piece, checksum);
            size += piece.length;
            yield piece;
          }
        })(),
      ),
      deflate,
    );
    // Read the deflated output while the pipeline feeds it. If the reader stops early (a cancelled
    // download) or either side fails, the deflate stream is destroyed, which ends the source too.
    let finished = false;
    try {
      for await (const piece of deflate as AsyncIterable<Buffer>) {
        compressedSize += piece.length;
        yield piece;
      }
      finished = true;
    } finally {
      if (!finished) deflate.destroy();
      await feeding.catch((error: unknown) => {
        if (finished) throw error;
      });
    }
    if (size > MAX_UINT32 || offset + compressedSize > MAX_UINT32) throw new RangeError("archive too large for a ZIP without ZIP64");
    offset += compressedSize;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(checksum, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;
    written.push({ ...facts, checksum, compressedSize, size });
  }

  const directory = Buffer.concat(written.map(centralHeader));
  yield Buffer.concat([directory, endOfCentralDirectory(written.length, directory.length, offset)]);
}

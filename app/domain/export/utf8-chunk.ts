/**
 * Text written as UTF-8 into one growing buffer, a piece (a row) at a time, and taken out as the
 * bytes of a streamed chunk. Appending to a string and converting it at the end builds a rope of
 * tens of thousands of pieces that V8 must flatten before encoding: for a 100,000-row XLSX that
 * was a third of the export's CPU time, five times what writing each row as it comes costs.
 */
export class Utf8Chunk {
  private buffer: Buffer;
  private length = 0;

  constructor(private readonly initialBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  append(text: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    this.makeRoom(text.length * 3);
    this.length += this.buffer.write(text, this.length, "utf8");
  }

  /** One ASCII character, by its code. */
  appendAscii(code: number): void {
    this.makeRoom(1);
    this.buffer[this.length++] = code;
  }

  /** Bytes already encoded (a text written many times, encoded once). */
  appendBytes(bytes: Uint8Array): void {
    this.makeRoom(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private makeRoom(bytes: number): void {
    const needed = this.length + bytes;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
  }

  /** The bytes written since the last take; the next appends go to a fresh buffer of the size this one reached. */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = Buffer.allocUnsafe(Math.max(this.initialBytes, this.length));
    this.length = 0;
    return bytes;
  }
}

import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import type { ExportCell } from "~/domain/export/formula-safety";
import { streamedDownload } from "~/utils/exports.server";
import { outputReadyOf } from "~/utils/http.server";

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A response object as Express gives it, with a buffer that is full until the test says otherwise. */
class FullResponse extends EventEmitter {
  writableNeedDrain = true;
  destroyed = false;
}

describe("a streamed download", () => {
  it("reads no rows while the connection cannot take more, however eagerly its body is read", async () => {
    let chunksRead = 0;
    async function* chunks(): AsyncGenerator<ExportCell[][]> {
      for (let i = 0; i < 5; i++) {
        chunksRead += 1;
        yield [[`row ${i}`, i]];
      }
    }
    const res = new FullResponse();
    const file = { chunks: chunks(), asciiName: "responses", displayName: "回答", sheetName: "回答" };
    const reader = streamedDownload(file, "csv", outputReadyOf(res)).body!.getReader();
    // What Remix's adapter does: read and write as fast as pieces come, never waiting for "drain".
    const pieces: Uint8Array[] = [];
    const drained = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        pieces.push(value);
      }
    })();

    await settle();
    expect(chunksRead).toBe(0);
    res.writableNeedDrain = false;
    res.emit("drain");
    await drained;
    expect(chunksRead).toBe(5);
    expect(Buffer.concat(pieces).toString("utf8")).toContain("row 4,4");
    expect(res.listenerCount("drain") + res.listenerCount("close")).toBe(0);
  });

  it("goes on when the connection closes, so the download is cancelled rather than left waiting", async () => {
    const res = new FullResponse();
    const ready = outputReadyOf(res)();
    res.emit("close");
    await expect(ready).resolves.toBeUndefined();
    expect(res.listenerCount("drain") + res.listenerCount("close")).toBe(0);
  });
});

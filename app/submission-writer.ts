import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "#db/connection";
import { commitSubmissionBatch } from "./models/responses.server";
import type { WriterReply, WriterRequest } from "./models/submission-writer-thread.server";

/** The server's writer thread (see submission-writer-thread.server.ts): commits survey batches on its own connection. */
const { databasePath, allowOldSqlite } = workerData as { databasePath: string; allowOldSqlite: boolean };
const db = createDb(databasePath, { allowOldSqlite });
const port = parentPort!;

// One batch at a time, in the order sent: the server sends the next only after this one's answer.
let work = Promise.resolve();
port.on("message", (request: WriterRequest) => {
  work = work.then(async () => {
    if (request.kind === "stop") {
      await db.destroy();
      port.close();
      return;
    }
    let reply: WriterReply;
    try {
      reply = { id: request.id, outcomes: await commitSubmissionBatch(db, request.batch) };
    } catch (error) {
      console.error(error);
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});

import { Worker } from "node:worker_threads";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { type SubmissionData, type SubmissionOutcome, useSubmissionWriter } from "./responses.server";

/** What the server sends its writer thread. */
export type WriterRequest = { kind: "batch"; id: number; batch: SubmissionData[] } | { kind: "stop" };
/** What the writer thread answers for a batch. */
export type WriterReply = { id: number; outcomes: SubmissionOutcome[] } | { id: number; error: string };

export interface WriterThreadOptions {
  databasePath: string;
  allowOldSqlite: boolean;
  /** The worker's script: build/submission-writer.js in production, the TypeScript entry under tsx in tests. */
  script: URL;
}

export class SubmissionWriterFailed extends Error {}

/**
 * Survey batches are committed, fsynced and checkpointed on a connection of their own in a
 * worker thread. better-sqlite3 blocks the thread it runs on, and a batch's commit plus its WAL
 * truncation (three fsyncs) was half of a submission's time on the event loop: in the worker,
 * the server reads, renders and checks the next answers while the disk syncs.
 */
export function startSubmissionWriterThread(db: Kysely<Database>, options: WriterThreadOptions) {
  const pending = new Map<number, { resolve: (outcomes: SubmissionOutcome[]) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let worker: Worker | null = null;
  let stopping: Promise<void> | null = null;

  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };

  function running(): Worker {
    if (worker) return worker;
    const started = new Worker(options.script, {
      workerData: { databasePath: options.databasePath, allowOldSqlite: options.allowOldSqlite },
    });
    started.on("message", (reply: WriterReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ("error" in reply) waiting.reject(new SubmissionWriterFailed(reply.error));
      else waiting.resolve(reply.outcomes);
    });
    // A thread that dies takes its batches with it (they were not committed: the requests get an
    // error and the answers stay in the browser); the next batch starts a new thread.
    started.on("error", (error) => failAll(new SubmissionWriterFailed(String(error))));
    started.on("exit", () => {
      failAll(new SubmissionWriterFailed("the submission writer thread stopped"));
      if (worker === started) worker = null;
    });
    worker = started;
    return started;
  }

  // Started now rather than at the first answer, which would otherwise wait for the thread to
  // load and open its connection.
  running();
  useSubmissionWriter(db, (batch) => {
    if (stopping) return Promise.reject(new SubmissionWriterFailed("the server is stopping"));
    const id = nextId++;
    return new Promise<SubmissionOutcome[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      running().postMessage({ kind: "batch", id, batch } satisfies WriterRequest);
    });
  });

  return {
    /** Lets the batch in hand finish, then closes the thread's connection and ends the thread. */
    stop(): Promise<void> {
      stopping ??= new Promise<void>((resolve) => {
        useSubmissionWriter(db, null);
        if (!worker) return resolve();
        worker.once("exit", () => resolve());
        worker.postMessage({ kind: "stop" } satisfies WriterRequest);
      });
      return stopping;
    },
  };
}

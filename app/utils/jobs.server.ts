import { createHash, randomBytes } from "node:crypto";

/**
 * Long work (imports) started from a page runs here, in the server process, while the page polls
 * its progress. Jobs live in memory: an import is all-or-nothing in one transaction, so a restart
 * loses only the progress display, never half an import. A job is visible only with its random id
 * and the session that started it; status reads touch no database, so they are answered even while
 * the import holds the connection.
 */

export interface JobProgress {
  /** Data rows read from the file. */
  read: number;
  /** Rows that passed the checks. */
  checked: number;
  /** Rows written to the database. */
  written: number;
}

export type JobState<Result> =
  | { status: "running"; progress: JobProgress }
  | { status: "done"; progress: JobProgress; result: Result }
  | { status: "failed"; progress: JobProgress };

interface Job {
  kind: string;
  ownerHash: string;
  state: JobState<unknown>;
  finishedAt: number | null;
}

/** A finished job's outcome stays readable this long (the page redirects well before). */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
const jobs = new Map<string, Job>();

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

function forgetOldJobs(now = Date.now()) {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
}

/**
 * Starts `work` after the current request has been answered and returns the job's id. `work` gets
 * a progress reporter that also yields to the event loop, so status requests are served between
 * slices of work.
 */
export function startJob<Result>(
  kind: string,
  ownerSecret: string,
  work: (report: (progress: JobProgress) => Promise<void>) => Promise<Result>,
): string {
  forgetOldJobs();
  const id = randomBytes(16).toString("hex");
  const job: Job = { kind, ownerHash: hash(ownerSecret), state: { status: "running", progress: { read: 0, checked: 0, written: 0 } }, finishedAt: null };
  jobs.set(id, job);
  const report = async (progress: JobProgress) => {
    job.state = { status: "running", progress };
    await new Promise((resolve) => setImmediate(resolve));
  };
  setImmediate(() => {
    work(report).then(
      (result) => {
        job.state = { status: "done", progress: job.state.progress, result };
        job.finishedAt = Date.now();
      },
      (error: unknown) => {
        console.error(`Job ${kind} ${id} failed`, error);
        job.state = { status: "failed", progress: job.state.progress };
        job.finishedAt = Date.now();
      },
    );
  });
  return id;
}

/** The job's state for its owner; null for an unknown id, another kind, or someone else's job. */
export function jobState<Result>(kind: string, id: string, ownerSecret: string): JobState<Result> | null {
  const job = jobs.get(id);
  if (!job || job.kind !== kind || job.ownerHash !== hash(ownerSecret)) return null;
  return job.state as JobState<Result>;
}

/** Status and progress only (never the result) of any of the owner's jobs, for polling. */
export function jobProgress(id: string, ownerSecret: string): { status: JobState<unknown>["status"]; progress: JobProgress } | null {
  const job = jobs.get(id);
  if (!job || job.ownerHash !== hash(ownerSecret)) return null;
  return { status: job.state.status, progress: job.state.progress };
}

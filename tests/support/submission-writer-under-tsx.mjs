// The writer thread's TypeScript entry for tests: Node 20 does not apply `--import tsx` to a
// worker's own loader, so the worker registers tsx itself before loading the entry.
import { register } from "tsx/esm/api";

register();
await import("../../app/submission-writer.ts");

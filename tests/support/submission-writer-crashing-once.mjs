// A writer thread that dies at its first batch, before writing anything, and only once (a file
// beside the database remembers it did): what a crash looks like to the server. The thread
// started after it is the real entry, under tsx as in submission-writer-under-tsx.mjs.
import { existsSync, writeFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";

const crashed = `${workerData.databasePath}.writer-crashed`;
if (existsSync(crashed)) {
  await import("./submission-writer-under-tsx.mjs");
} else {
  parentPort.once("message", () => {
    writeFileSync(crashed, "");
    process.exit(1);
  });
}

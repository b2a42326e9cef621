/**
 * The second half of `npm run build` (after `remix build`): bundles the HTTP server entry, its
 * survey writer thread and the CLI into build/server.js, build/submission-writer.js and build/cli.js, so production runs them with plain `node` and needs
 * no TypeScript tooling. App code and db/ are bundled; the server's packages from node_modules stay
 * imports (it shares them with Remix's build/index.js).
 */
import { type BuildOptions, build } from "esbuild";

const common: BuildOptions = {
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  sourcemap: true,
  logLevel: "warning",
};

await build({ ...common, entryPoints: { server: "app/server.ts", "submission-writer": "app/submission-writer.ts" }, packages: "external" });

// A CLI run pays its start-up every time: loading kysely and zod as hundreds of separate ES
// modules took 0.3 s of a one-second command, so they are bundled in. better-sqlite3 is native
// and nodemailer is CommonJS that requires Node's modules at run time: both stay imports.
await build({ ...common, entryPoints: { cli: "app/cli.ts" }, external: ["better-sqlite3", "nodemailer"] });

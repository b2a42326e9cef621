/**
 * The second half of `npm run build` (after `remix build`): bundles the HTTP server entry, its
 * survey writer thread and the CLI into build/server.js, build/submission-writer.js and build/cli.js, so production runs them with plain `node` and needs
 * no TypeScript tooling. App code and db/ are bundled; packages from node_modules stay imports.
 */
import { build } from "esbuild";

await build({
  entryPoints: { server: "app/server.ts", cli: "app/cli.ts", "submission-writer": "app/submission-writer.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  tsconfig: "tsconfig.json",
  sourcemap: true,
  logLevel: "warning",
});

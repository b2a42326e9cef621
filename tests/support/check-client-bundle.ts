/**
 * Run after `remix build` (part of `npm run test:e2e`): fails when any browser chunk contains zod
 * (server-only schemas belong in *.server.ts), and prints the JavaScript the survey page loads
 * (gzip), counting only the Japanese dictionary chunks of the areas the page imports.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface Output {
  bytes: number;
  entryPoint?: string;
  inputs: Record<string, unknown>;
  imports: { path: string; kind: string }[];
}

const SURVEY_PAGE_ROUTE = "routes/surveys.$code";
const metafile = JSON.parse(readFileSync("build/metafile.js.json", "utf8")) as { outputs: Record<string, Output> };
// The manifest of this build is named after the version Remix writes beside the server build.
const version = readFileSync("build/version.txt", "utf8").trim().toUpperCase();
const manifestSource = readFileSync(path.join("public/build", `manifest-${version}.js`), "utf8");
const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as {
  entry: { module: string; imports?: string[] };
  routes: Record<string, { module: string; imports?: string[] }>;
};

const outputs = metafile.outputs;
const problems: string[] = [];

for (const [file, output] of Object.entries(outputs)) {
  const zodInputs = Object.keys(output.inputs).filter((input) => input.includes("node_modules/zod/"));
  if (zodInputs.length > 0) problems.push(`${file} bundles zod (${zodInputs[0]}, …): move the schema to a *.server.ts module`);
}

/** "/build/x.js" (manifest) → "public/build/x.js" (metafile). */
const outputPath = (url: string) => `public${url}`;

function staticClosure(start: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of outputs[file]?.imports ?? []) if (edge.kind === "import-statement") queue.push(edge.path);
  }
  return seen;
}

const route = manifest.routes[SURVEY_PAGE_ROUTE];
const root = manifest.routes.root;
if (!route || !root) throw new Error(`The manifest has no ${SURVEY_PAGE_ROUTE} or root route`);
const pageModules = [manifest.entry.module, root.module, route.module].map(outputPath);
const loaded = staticClosure(pageModules);

// The page's areas are the area modules in its static closure; each fetches one dictionary chunk.
const areas = new Set<string>();
for (const file of loaded) {
  for (const input of Object.keys(outputs[file]?.inputs ?? {})) {
    const area = /app\/i18n\/area\/(\w+)\.client\.ts$/.exec(input)?.[1];
    if (area) areas.add(area);
  }
}
const dictionaryChunks = Object.entries(outputs)
  .filter(([, output]) => Object.keys(output.inputs).some((input) => [...areas].some((area) => input === `app/i18n/ja/${area}.ts`)))
  .map(([file]) => file);
const files = [...staticClosure([...loaded, ...dictionaryChunks])].filter((file) => file.endsWith(".js"));

const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(file)).length })).sort((a, b) => b.gzip - a.gzip);
const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
console.log(`Survey page (${SURVEY_PAGE_ROUTE}, Japanese) loads ${(total / 1024).toFixed(1)} KB of JavaScript (gzip) in ${files.length} files:`);
for (const s of sizes) console.log(`  ${(s.gzip / 1024).toFixed(1).padStart(6)} KB  ${s.file}`);
console.log(`  dictionary areas: ${[...areas].sort().join(", ")}`);

if (problems.length > 0) {
  console.error(`\nClient bundle check failed:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

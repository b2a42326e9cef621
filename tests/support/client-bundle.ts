/**
 * What the browser build holds and what one page loads, read from the last `remix build`
 * (build/metafile.js.json and the manifest it names). Used by check-client-bundle.ts, which
 * prints the figures, and by an e2e test that compares them with what Chromium really fetches.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface Output {
  bytes: number;
  inputs: Record<string, unknown>;
  imports: { path: string; kind: string }[];
}

interface Manifest {
  entry: { module: string };
  routes: Record<string, { module: string; parentId?: string }>;
}

export interface ClientBuild {
  outputs: Record<string, Output>;
  manifest: Manifest;
}

export function readClientBuild(root = "."): ClientBuild {
  const metafile = JSON.parse(readFileSync(path.join(root, "build/metafile.js.json"), "utf8")) as { outputs: Record<string, Output> };
  // The manifest of this build is named after the version Remix writes beside the server build.
  const version = readFileSync(path.join(root, "build/version.txt"), "utf8").trim().toUpperCase();
  const manifestSource = readFileSync(path.join(root, "public/build", `manifest-${version}.js`), "utf8");
  const manifest = JSON.parse(manifestSource.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as Manifest;
  return { outputs: metafile.outputs, manifest };
}

/** Browser chunks that bundle zod (server-only schemas belong in *.server.ts). */
export function chunksWithZod({ outputs }: ClientBuild): string[] {
  return Object.entries(outputs)
    .filter(([, output]) => Object.keys(output.inputs).some((input) => input.includes("node_modules/zod/")))
    .map(([file]) => file);
}

/** "/build/x.js" (manifest) → "public/build/x.js" (metafile). */
const outputPath = (url: string) => `public${url}`;

function staticClosure(outputs: Record<string, Output>, start: string[]): Set<string> {
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

const DICTIONARY_MODULE = /^app\/i18n\/(ja|en)\/(\w+)\.ts$/;

export interface PageScripts {
  /** Every .js file the page loads before it is interactive: entry, routes, their static imports, and the dictionary chunks its areas fetch. */
  files: string[];
  /** The dictionary areas the page's modules load. */
  areas: string[];
  /** Chunks the page fetches later, only when needed (e.g. chart.js once a chart is drawn). */
  onDemand: string[];
}

/**
 * The JavaScript a page (a route and its parents) loads in one language. Dictionary areas are
 * found as the `app/i18n/area/<area>.client.ts` modules in the page's static closure; each fetches
 * its area's chunk in the page's language at startup (top-level await), which is counted with
 * everything that chunk imports.
 */
export function pageScripts(build: ClientBuild, routeId: string, locale: "ja" | "en" = "ja"): PageScripts {
  const { outputs, manifest } = build;
  const routeIds: string[] = [];
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    if (!manifest.routes[id]) throw new Error(`The manifest has no route ${id}`);
    routeIds.unshift(id);
  }
  const loaded = staticClosure(outputs, [manifest.entry.module, ...routeIds.map((id) => manifest.routes[id]!.module)].map(outputPath));

  const areas = new Set<string>();
  for (const file of loaded) {
    for (const input of Object.keys(outputs[file]?.inputs ?? {})) {
      const area = /app\/i18n\/area\/(\w+)\.client\.ts$/.exec(input)?.[1];
      if (area) areas.add(area);
    }
  }
  const dictionaryOf = (file: string) =>
    Object.keys(outputs[file]?.inputs ?? {})
      .map((input) => DICTIONARY_MODULE.exec(input))
      .find((match) => match !== null);
  const dictionaryChunks = Object.keys(outputs).filter((file) => {
    const match = dictionaryOf(file);
    return match !== undefined && match[1] === locale && areas.has(match[2]!);
  });
  const atStartup = staticClosure(outputs, [...loaded, ...dictionaryChunks]);

  const lazyTargets = [...atStartup].flatMap((file) =>
    (outputs[file]?.imports ?? []).filter((edge) => edge.kind === "dynamic-import" && !dictionaryOf(edge.path)).map((edge) => edge.path),
  );
  const later = [...staticClosure(outputs, lazyTargets)].filter((file) => !atStartup.has(file));

  const js = (files: Iterable<string>) => [...files].filter((file) => file.endsWith(".js"));
  return { files: js(atStartup), areas: [...areas].sort(), onDemand: js(later) };
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.results, so the area is loaded before it renders.
await loadArea("results", { ja: () => import("../ja/results"), en: () => import("../en/results") });

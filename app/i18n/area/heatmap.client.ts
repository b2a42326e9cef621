import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.heatmap, so the area is loaded before it renders.
await loadArea("heatmap", { ja: () => import("../ja/heatmap"), en: () => import("../en/heatmap") });

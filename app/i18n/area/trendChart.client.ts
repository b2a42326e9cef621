import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.trendChart, so the area is loaded before it renders.
await loadArea("trendChart", { ja: () => import("../ja/trendChart"), en: () => import("../en/trendChart") });

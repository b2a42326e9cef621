import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.reportSummary, so the area is loaded before it renders.
await loadArea("reportSummary", { ja: () => import("../ja/reportSummary"), en: () => import("../en/reportSummary") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.reports, so the area is loaded before it renders.
await loadArea("reports", { ja: () => import("../ja/reports"), en: () => import("../en/reports") });

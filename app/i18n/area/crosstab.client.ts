import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.crosstab, so the area is loaded before it renders.
await loadArea("crosstab", { ja: () => import("../ja/crosstab"), en: () => import("../en/crosstab") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.indicators, so the area is loaded before it renders.
await loadArea("indicators", { ja: () => import("../ja/indicators"), en: () => import("../en/indicators") });

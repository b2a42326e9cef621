import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.unitResults, so the area is loaded before it renders.
await loadArea("unitResults", { ja: () => import("../ja/unitResults"), en: () => import("../en/unitResults") });

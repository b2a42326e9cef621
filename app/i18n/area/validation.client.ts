import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.validation, so the area is loaded before it renders.
await loadArea("validation", { ja: () => import("../ja/validation"), en: () => import("../en/validation") });

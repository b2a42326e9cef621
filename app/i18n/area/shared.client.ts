import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.shared, so the area is loaded before it renders.
await loadArea("shared", { ja: () => import("../ja/shared"), en: () => import("../en/shared") });

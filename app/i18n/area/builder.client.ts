import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.builder, so the area is loaded before it renders.
await loadArea("builder", { ja: () => import("../ja/builder"), en: () => import("../en/builder") });

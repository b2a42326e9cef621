import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.actions, so the area is loaded before it renders.
await loadArea("actions", { ja: () => import("../ja/actions"), en: () => import("../en/actions") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.home, so the area is loaded before it renders.
await loadArea("home", { ja: () => import("../ja/home"), en: () => import("../en/home") });

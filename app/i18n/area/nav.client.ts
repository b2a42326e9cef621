import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.nav, so the area is loaded before it renders.
await loadArea("nav", { ja: () => import("../ja/nav"), en: () => import("../en/nav") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.roster, so the area is loaded before it renders.
await loadArea("roster", { ja: () => import("../ja/roster"), en: () => import("../en/roster") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.rounds, so the area is loaded before it renders.
await loadArea("rounds", { ja: () => import("../ja/rounds"), en: () => import("../en/rounds") });

import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.survey, so the area is loaded before it renders.
await loadArea("survey", { ja: () => import("../ja/survey"), en: () => import("../en/survey") });

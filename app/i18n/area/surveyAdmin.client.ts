import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.surveyAdmin, so the area is loaded before it renders.
await loadArea("surveyAdmin", { ja: () => import("../ja/surveyAdmin"), en: () => import("../en/surveyAdmin") });

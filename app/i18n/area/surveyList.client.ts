import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.surveyList, so the area is loaded before it renders.
await loadArea("surveyList", { ja: () => import("../ja/surveyList"), en: () => import("../en/surveyList") });

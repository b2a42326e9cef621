import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.jobs, so the area is loaded before it renders.
await loadArea("jobs", { ja: () => import("../ja/jobs"), en: () => import("../en/jobs") });

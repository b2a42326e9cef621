import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.audit, so the area is loaded before it renders.
await loadArea("audit", { ja: () => import("../ja/audit"), en: () => import("../en/audit") });

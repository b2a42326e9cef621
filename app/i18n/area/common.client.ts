import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.common, so the area is loaded before it renders.
await loadArea("common", { ja: () => import("../ja/common"), en: () => import("../en/common") });

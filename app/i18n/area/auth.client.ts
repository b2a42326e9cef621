import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.auth, so the area is loaded before it renders.
await loadArea("auth", { ja: () => import("../ja/auth"), en: () => import("../en/auth") });

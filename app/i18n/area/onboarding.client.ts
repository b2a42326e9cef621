import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.onboarding, so the area is loaded before it renders.
await loadArea("onboarding", { ja: () => import("../ja/onboarding"), en: () => import("../en/onboarding") });

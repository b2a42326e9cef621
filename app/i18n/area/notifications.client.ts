import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.notifications, so the area is loaded before it renders.
await loadArea("notifications", { ja: () => import("../ja/notifications"), en: () => import("../en/notifications") });

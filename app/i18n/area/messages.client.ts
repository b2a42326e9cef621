import { loadArea } from "../loaded.client";

// Imported for its effect by every module that reads t.messages, so the area is loaded before it renders.
await loadArea("messages", { ja: () => import("../ja/messages"), en: () => import("../en/messages") });

import { z } from "zod";
import { PART_MAX_LENGTH } from "~/domain/imessage-guidance";
import { employeeNumberSchema } from "~/domain/identity";
import type { Dictionary } from "~/i18n";
import { type FieldErrors, fieldErrors } from "~/i18n/zod-issues";

export const REPORT_REASON_MAX_LENGTH = 500;
export const TAG_NAME_MAX_LENGTH = 40;

const part = z.string().trim().min(1).max(PART_MAX_LENGTH);
const id = z.coerce.number().int().positive();

/** The composer's query string: a search for a recipient, or the chosen one's employee number. */
export const composerQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  to: employeeNumberSchema.optional().catch(undefined),
});

export const composeSchema = z.object({
  intent: z.enum(["preview", "send"]),
  to: employeeNumberSchema,
  relationship: z.enum(["to_supervisor", "colleague", "to_report", "other"]),
  scene: part,
  feeling: part,
  effect: part,
  tagIds: z.array(id).max(20).default([]),
});

export type ComposeValues = { to: string; relationship: string; scene: string; feeling: string; effect: string; tagIds: string[] };

export type ComposeResult =
  | { ok: true; data: z.infer<typeof composeSchema>; values: ComposeValues }
  | { ok: false; errors: FieldErrors; values: ComposeValues };

/** The composer form, with what was typed for showing it again; tags are checkboxes sharing one name, which Object.fromEntries would cut to one. */
export function parseCompose(form: FormData, t: Dictionary): ComposeResult {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: ComposeValues = {
    to: text("to"),
    relationship: text("relationship"),
    scene: text("scene"),
    feeling: text("feeling"),
    effect: text("effect"),
    tagIds: form.getAll("tagIds").filter((value): value is string => typeof value === "string"),
  };
  const input = { ...values, intent: text("intent") };
  const result = composeSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrors(result.error, t, input), values };
}

export const messageParamsSchema = z.object({ id });

export const messageActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read") }),
  z.object({ intent: z.literal("thank") }),
  z.object({ intent: z.literal("pin") }),
  z.object({ intent: z.literal("unpin") }),
  z.object({ intent: z.literal("withdraw") }),
  z.object({ intent: z.literal("report"), reason: z.string().trim().min(1).max(REPORT_REASON_MAX_LENGTH) }),
]);

export const moderationActionSchema = z.object({ intent: z.enum(["hide", "dismiss"]), messageId: id });

const tagName = z.string().trim().min(1).max(TAG_NAME_MAX_LENGTH);

export const tagActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), nameJa: tagName, nameEn: tagName }),
  z.object({ intent: z.literal("activate"), tagId: id }),
  z.object({ intent: z.literal("deactivate"), tagId: id }),
]);

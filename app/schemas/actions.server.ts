import { z } from "zod";
import type { Dictionary } from "~/i18n";
import { type FieldErrors, fieldErrors } from "~/i18n/zod-issues";

export const ACTION_STATUSES = ["planned", "in_progress", "done"] as const;
export const ACTION_TITLE_MAX_LENGTH = 200;
export const ACTION_OWNER_MAX_LENGTH = 100;

/** A target checkbox's value: `kpi:Q08` or `outcome:03`. */
const target = z
  .string()
  .regex(/^(kpi|outcome):[A-Za-z0-9_-]{1,20}$/)
  .transform((value) => {
    const [kind, code] = value.split(":") as ["kpi" | "outcome", string];
    return { kind, code };
  });

const createSchema = z.object({
  intent: z.literal("create"),
  title: z.string().trim().min(1).max(ACTION_TITLE_MAX_LENGTH),
  owner: z.string().trim().min(1).max(ACTION_OWNER_MAX_LENGTH),
  dueOn: z.iso.date({ error: "date" }),
  status: z.enum(ACTION_STATUSES),
  // "" is ward-wide (HR only); the model checks a unit head records only for their units.
  unit: z.string().trim().max(200),
  targets: z.array(target).min(1, { error: "actionTargets" }).max(40),
});

const statusSchema = z.object({
  intent: z.literal("status"),
  actionId: z.coerce.number().int().positive(),
  status: z.enum(ACTION_STATUSES),
});

const actionFormSchema = z.discriminatedUnion("intent", [createSchema, statusSchema]);

export type ActionForm = z.infer<typeof actionFormSchema>;

/** The actions page's forms; targets are checkboxes sharing one name, which Object.fromEntries would cut to one. */
export function parseActionForm(
  form: FormData,
  t: Dictionary,
): { ok: true; data: ActionForm } | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> } {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "targets") input[key] = value;
  input.targets = form.getAll("targets").filter((value): value is string => typeof value === "string");
  const parsed = actionFormSchema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error, t, input), values: input as Record<string, string | string[]> };
}

import { z } from "zod";
import type { Dictionary } from "~/i18n";
import { fieldErrors } from "~/i18n/zod-issues";
import type { FormFailure } from "~/utils/forms.server";

const isoDate = z.iso.date({ error: "date" });
const title = z.string({ error: "required" }).trim().min(1).max(100);

export const MAX_EXPECTED_PER_PARTICIPANT = 20;

const createRoundSchema = z
  .object({
    titleJa: title,
    titleEn: title,
    startsOn: isoDate,
    endsOn: isoDate,
    expected: z.coerce.number({ error: "notANumber" }).int({ error: "notAWholeNumber" }).min(1).max(MAX_EXPECTED_PER_PARTICIPANT),
    // An unticked checkbox sends nothing.
    requireSupervisor: z.literal("on").optional().transform((value) => value === "on"),
    scope: z.enum(["all", "chosen"]),
    departments: z.array(z.string().trim().min(1)),
  })
  .refine((value) => value.endsOn >= value.startsOn, { path: ["endsOn"], error: "datesOutOfOrder" })
  .refine((value) => value.scope === "all" || value.departments.length > 0, { path: ["departments"], error: "required" });

export type CreateRoundForm = z.infer<typeof createRoundSchema>;

function checkedDepartments(form: FormData): string[] {
  return form.getAll("departments").filter((value): value is string => typeof value === "string");
}

/**
 * The create-round form as typed, to fill it again after a failure. The department checkboxes
 * share one name, which Object.fromEntries (and so parseForm) would reduce to the last one, so
 * they come back one per line.
 */
export function roundFormValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string" && key !== "departments") values[key] = value;
  return { ...values, departments: checkedDepartments(form).join("\n") };
}

export function parseCreateRound(form: FormData, t: Dictionary): { ok: true; data: CreateRoundForm } | FormFailure {
  const input = { ...Object.fromEntries(form), departments: checkedDepartments(form) };
  const result = createRoundSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors = fieldErrors(result.error, t, input);
  if (errors.departments) errors.departments = t.rounds.create.chooseDepartments;
  return { ok: false, errors, values: roundFormValues(form) };
}

const roundIdSchema = z.coerce.number().int().positive();

/** A round id from the URL, or null for anything that cannot be one (the page answers 404). */
export function parseRoundId(raw: string | undefined): number | null {
  const parsed = roundIdSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

const analyticsQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  department: z.string().trim().optional().catch(undefined),
});

/** `?fiscalYear=&department=` of the analytics page; anything unusable falls back to the defaults. */
export function parseAnalyticsQuery(url: URL): { fiscalYear: number | null; department: string | null } {
  const parsed = analyticsQuerySchema.parse({
    fiscalYear: url.searchParams.get("fiscalYear") || undefined,
    department: url.searchParams.get("department") || undefined,
  });
  return { fiscalYear: parsed.fiscalYear ?? null, department: parsed.department || null };
}

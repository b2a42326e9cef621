import { z } from "zod";
import { employeeNumberSchema } from "~/domain/identity";
import { MAX_ROSTER_FILE_BYTES } from "~/domain/roster";

// Routes take these from here rather than from ~/domain/roster: a .server module is left out of
// the browser bundle whole, while the domain module (through its schemas) would bring zod along.
export { MAX_ROSTER_FILE_BYTES, ROSTER_COLUMNS, localiseRosterIssues } from "~/domain/roster";

export const STAFF_PAGE_SIZE = 50;

/** The roster list's query string. A hand-edited or stale URL falls back to the defaults rather than failing. */
export const staffSearchSchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  department: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(["active", "inactive", "all"]).catch("active").default("active"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const rosterImportFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("preview"),
    file: z.instanceof(File, { error: "fileRequired" }).refine((file) => file.size > 0, { error: "fileRequired" }),
    deactivateMissing: checkbox,
  }),
  z.object({
    intent: z.literal("confirm"),
    // The text decoded at the preview step; every character came from at least one byte of the file.
    csvText: z.string().min(1, { error: "fileRequired" }).max(MAX_ROSTER_FILE_BYTES),
    deactivateMissing: checkbox,
  }),
]);

/** The counts shown after an import, carried in the redirect's query string. */
export const importDoneSchema = z.object({
  added: z.coerce.number().int().min(0),
  changed: z.coerce.number().int().min(0),
  deactivated: z.coerce.number().int().min(0),
});

/** /roster/:employeeNumber accepts the number as typed (full-width digits too); anything else is not a page. */
export const staffParamsSchema = z.object({ employeeNumber: employeeNumberSchema });

export const staffActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("issueSetupCode") }),
  z.object({ intent: z.literal("setRole"), role: z.enum(["staff", "hr", "admin"]) }),
]);

import type { Dictionary } from "~/i18n";
import { importResponsesFromCsv } from "~/models/responses.server";
import type { SurveyDefinition } from "~/models/surveys.server";
import { responseImportSchema } from "~/schemas/survey-admin.server";
import { getDb } from "./db.server";
import { parseForm } from "./forms.server";
import { startJob } from "./jobs.server";
import { readSessionSecret } from "./session.server";
import { readMultipartForm } from "./uploads.server";

export const RESPONSE_IMPORT_JOB = "response-import";

/** 100,000 answer sheets of 15 questions fit in well under this. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type StartedImport = { ok: true; jobId: string } | { ok: false; errors: Record<string, string> };

/**
 * Reads an uploaded answers file and starts importing it in the background, for the import page's
 * form (without JavaScript) and its script (which then shows progress in place).
 */
export async function startResponseImport(
  request: Request,
  t: Dictionary,
  definition: SurveyDefinition,
  actor: { id: number; label: string },
): Promise<StartedImport> {
  const form = await readMultipartForm(request, MAX_IMPORT_BYTES);
  if (form === "tooLarge") return { ok: false, errors: { file: t.validation.fileTooLarge(MAX_IMPORT_BYTES / 1024 / 1024) } };
  const parsed = parseForm(responseImportSchema, form, t);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const secret = await readSessionSecret(request);
  if (!secret) return { ok: false, errors: {} };
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
  const jobId = startJob(RESPONSE_IMPORT_JOB, secret, (report) => importResponsesFromCsv(getDb(), definition, bytes, actor, new Date(), report));
  return { ok: true, jobId };
}

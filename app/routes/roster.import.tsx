import "~/i18n/area/roster.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportIssues } from "~/components/roster/import-issues";
import { ImportPreview } from "~/components/roster/import-preview";
import { ImportUploadForm } from "~/components/roster/import-upload-form";
import { RosterFormat } from "~/components/roster/roster-format";
import { decodeCsvBytes } from "~/domain/csv";
import type { RosterIssue } from "~/domain/roster";
import { getT } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { applyRosterImport, previewRosterImport } from "~/models/roster.server";
import {
  MAX_ROSTER_FILE_BYTES,
  ROSTER_COLUMNS,
  importDoneSchema,
  localiseRosterIssues,
  rosterImportFormSchema,
} from "~/schemas/roster.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";
import { formError, parseForm } from "~/utils/forms.server";
import { readMultipartForm } from "~/utils/uploads.server";

export const meta = titled((t) => t.roster.importTitle);

const MAX_MEGABYTES = MAX_ROSTER_FILE_BYTES / (1024 * 1024);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const done = importDoneSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ done: done.success ? done.data : null, maxMegabytes: MAX_MEGABYTES, format: ROSTER_COLUMNS });
}

/**
 * The confirm step posts the decoded text back, which UTF-8 can make up to three times the
 * size of a Shift_JIS file (half-width kana), so the hard stop sits above the file limit.
 */
const MAX_PART_BYTES = MAX_ROSTER_FILE_BYTES * 3;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const tooLarge = () => formError({ errors: { file: t.validation.fileTooLarge(MAX_MEGABYTES) }, values: {} });
  const form = await readMultipartForm(request, MAX_PART_BYTES);
  if (form === "tooLarge") return tooLarge();
  const parsed = parseForm(rosterImportFormSchema, form, t);
  // The decoded file is never echoed back with the errors.
  if (!parsed.ok) return formError({ errors: parsed.errors, values: {} });

  const db = getDb();
  const options = {
    deactivateMissing: parsed.data.deactivateMissing,
    canChangeRoles: user.role === "admin",
    actingEmployeeNumber: user.employeeNumber,
  };
  const issuesFound = (issues: readonly RosterIssue[]) =>
    json({ step: "issues" as const, issues: localiseRosterIssues(issues, t) }, { status: 400 });

  if (parsed.data.intent === "preview") {
    if (parsed.data.file.size > MAX_ROSTER_FILE_BYTES) return tooLarge();
    const { text } = decodeCsvBytes(new Uint8Array(await parsed.data.file.arrayBuffer()));
    const { reference, preparation } = await previewRosterImport(db, text, options);
    if (!preparation.ok) return issuesFound(preparation.issues);
    const { plan } = preparation;
    return json({
      step: "preview" as const,
      csvText: text,
      deactivateMissing: options.deactivateMissing,
      reference,
      added: plan.added.map((person) => ({
        employeeNumber: person.employeeNumber,
        name: person.name,
        departmentPath: person.departmentPath,
        jobLevelCode: person.jobLevelCode,
        role: person.role,
      })),
      changed: plan.changed.map(({ after, changes }) => ({ employeeNumber: after.employeeNumber, name: after.name, changes })),
      deactivated: plan.deactivated.map((person) => ({
        employeeNumber: person.employeeNumber,
        name: person.name,
        departmentPath: person.departmentPath,
      })),
      unchangedCount: plan.unchangedCount,
    });
  }

  const outcome = await applyRosterImport(db, parsed.data.csvText, options, { id: user.id, label: user.employeeNumber });
  if (!outcome.ok) return issuesFound(outcome.issues);
  const { added, changed, deactivated } = outcome.summary;
  return redirect(`/roster/import?${new URLSearchParams({ added: `${added}`, changed: `${changed}`, deactivated: `${deactivated}` })}`);
}

export default function RosterImport() {
  const t = useT();
  const { done, maxMegabytes, format } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const preview = actionData && "step" in actionData && actionData.step === "preview" ? actionData : null;
  const issues = actionData && "step" in actionData && actionData.step === "issues" ? actionData.issues : null;
  const formErrors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <>
      <h1>{t.roster.importTitle}</h1>
      {done && !actionData ? (
        <p className="notice" role="status">
          {t.roster.importDone(done.added, done.changed, done.deactivated)} <Link to="/roster">{t.roster.title}</Link>
        </p>
      ) : null}
      {preview ? (
        <ImportPreview preview={preview} />
      ) : (
        <>
          <p>{t.roster.importIntro}</p>
          {issues ? <ImportIssues issues={issues} /> : null}
          <ImportUploadForm maxMegabytes={maxMegabytes} errors={formErrors} />
          <RosterFormat format={format} />
        </>
      )}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { decodeCsvBytes } from "~/domain/csv";
import type { FieldChange, ReferenceChoice, RosterIssue, RosterReference } from "~/domain/roster";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
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
import { titled } from "~/utils/meta";
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
  const options = { deactivateMissing: parsed.data.deactivateMissing, canChangeRoles: user.role === "admin" };
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

function choiceName(choices: readonly ReferenceChoice[], code: string, locale: "ja" | "en"): string {
  const choice = choices.find((candidate) => candidate.code === code);
  if (!choice) return code;
  return locale === "ja" ? choice.nameJa : choice.nameEn;
}

function useChangeFormatter(reference: RosterReference) {
  const t = useT();
  const locale = useLocale();
  return (change: FieldChange, side: "before" | "after"): string => {
    switch (change.field) {
      case "jobLevelCode":
        return choiceName(reference.jobLevels, change[side], locale);
      case "employmentTypeCode":
        return choiceName(reference.employmentTypes, change[side], locale);
      case "role":
        return t.roster.roles[change[side]];
      case "active":
        return change[side] ? t.roster.active : t.roster.inactive;
      default: {
        const value = change[side];
        return value === null || value === "" ? t.roster.empty : String(value);
      }
    }
  };
}

type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;
type Preview = Extract<ActionData, { step: "preview" }>;

function ImportPreview({ preview }: { preview: Preview }) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const formatChange = useChangeFormatter(preview.reference);
  const nothingToChange = preview.added.length + preview.changed.length + preview.deactivated.length === 0;
  return (
    <>
      <h2>{t.roster.previewTitle}</h2>
      <p className="notice" role="status">
        {t.roster.previewSummary(preview.added.length, preview.changed.length, preview.deactivated.length, preview.unchangedCount)}{" "}
        {nothingToChange ? t.roster.nothingToChange : t.roster.previewNotYet}
      </p>

      {preview.added.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>
              <span className="badge badge-added">{t.roster.addedBadge}</span> {t.roster.addedCaption(preview.added.length)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.roster.fields.employeeNumber}</th>
                <th scope="col">{t.roster.fields.name}</th>
                <th scope="col">{t.roster.fields.departmentPath}</th>
                <th scope="col">{t.roster.fields.jobLevelCode}</th>
                <th scope="col">{t.roster.fields.role}</th>
              </tr>
            </thead>
            <tbody>
              {preview.added.map((person) => (
                <tr key={person.employeeNumber}>
                  <td>{person.employeeNumber}</td>
                  <th scope="row">{person.name}</th>
                  <td>{person.departmentPath}</td>
                  <td>{choiceName(preview.reference.jobLevels, person.jobLevelCode, locale)}</td>
                  <td>{t.roster.roles[person.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {preview.changed.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>
              <span className="badge badge-changed">{t.roster.changedBadge}</span> {t.roster.changedCaption(preview.changed.length)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.roster.fields.employeeNumber}</th>
                <th scope="col">{t.roster.fields.name}</th>
                <th scope="col">{t.roster.changesColumn}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changed.map((person) => (
                <tr key={person.employeeNumber}>
                  <td>{person.employeeNumber}</td>
                  <th scope="row">{person.name}</th>
                  <td>
                    <ul>
                      {person.changes.map((change) => (
                        <li key={change.field}>
                          {t.roster.fieldChange(
                            t.roster.fields[change.field],
                            formatChange(change, "before"),
                            formatChange(change, "after"),
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {preview.deactivated.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>
              <span className="badge badge-removed">{t.roster.deactivatedBadge}</span>{" "}
              {t.roster.deactivatedCaption(preview.deactivated.length)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.roster.fields.employeeNumber}</th>
                <th scope="col">{t.roster.fields.name}</th>
                <th scope="col">{t.roster.fields.departmentPath}</th>
              </tr>
            </thead>
            <tbody>
              {preview.deactivated.map((person) => (
                <tr key={person.employeeNumber}>
                  <td>{person.employeeNumber}</td>
                  <th scope="row">{person.name}</th>
                  <td>{person.departmentPath}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="toolbar">
        {nothingToChange ? null : (
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="csvText" value={preview.csvText} />
            {preview.deactivateMissing ? <input type="hidden" name="deactivateMissing" value="on" /> : null}
            <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
              {t.roster.confirm}
            </button>
          </Form>
        )}
        <Link to="/roster/import" className="button-secondary">
          {t.roster.chooseAnother}
        </Link>
      </div>
    </>
  );
}

function ImportIssues({ issues }: { issues: Extract<ActionData, { step: "issues" }>["issues"] }) {
  const t = useT();
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{t.roster.issuesTitle(issues.length)}</p>
      <div className="table-scroll">
        <table>
          <caption>{t.roster.issuesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.roster.issueLineColumn}</th>
              <th scope="col">{t.roster.issueColumnColumn}</th>
              <th scope="col">{t.roster.issueReasonColumn}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              // The same cell can have several problems, so position alone is not a key.
              <tr key={`${issue.line}-${issue.column}-${index}`}>
                <td className="num">{issue.line ?? t.roster.wholeFile}</td>
                <td>{issue.column ?? ""}</td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function UploadForm({ errors }: { errors: Record<string, string> | undefined }) {
  const t = useT();
  const { maxMegabytes } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <>
      <ErrorSummary errors={errors} labels={{ file: t.roster.fileLabel }} />
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <TextField
          name="file"
          type="file"
          accept=".csv,text/csv"
          label={t.roster.fileLabel}
          hint={t.roster.fileHint(maxMegabytes)}
          required
          error={errors?.file}
        />
        <div className="field">
          <label>
            <input type="checkbox" name="deactivateMissing" aria-describedby="deactivate-missing-hint" />{" "}
            {t.roster.deactivateMissing}
          </label>
          <p className="field-hint" id="deactivate-missing-hint">
            {t.roster.deactivateMissingHint}
          </p>
        </div>
        <button type="submit" className="button-primary" disabled={navigation.state === "submitting"}>
          {t.roster.preview}
        </button>
      </Form>
    </>
  );
}

function FormatHelp() {
  const t = useT();
  const { format } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="format-heading">
      <h2 id="format-heading">{t.roster.formatHeading}</h2>
      <p>{t.roster.formatIntro}</p>
      <div className="table-scroll">
        <table>
          <caption>{t.roster.formatHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.roster.formatColumn}</th>
              <th scope="col">{t.roster.formatRequired}</th>
              <th scope="col">{t.roster.formatNotes}</th>
            </tr>
          </thead>
          <tbody>
            {format.map((column) => (
              <tr key={column.field}>
                <th scope="row">
                  <span lang="ja">{column.ja}</span> / <span lang="en">{column.en}</span>
                </th>
                <td>{column.required ? t.common.yes : t.common.no}</td>
                <td>{t.roster.formatNotesByField[column.field]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function RosterImport() {
  const t = useT();
  const { done } = useLoaderData<typeof loader>();
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
          <UploadForm errors={formErrors} />
          <FormatHelp />
        </>
      )}
    </>
  );
}

import "~/i18n/area/common.client";
import "~/i18n/area/jobs.client";
import "~/i18n/area/surveyAdmin.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { ErrorSummary } from "~/components/form-fields";
import { JobProgress } from "~/components/job-progress";
import { describeImportProblem } from "~/domain/survey/import-messages";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import type { CsvImportOutcome } from "~/models/responses.server";
import { loadSurveyDefinition } from "~/models/surveys.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError } from "~/utils/forms.server";
import { jobState } from "~/utils/jobs.server";
import { titled } from "~/i18n";
import { RESPONSE_IMPORT_JOB, startResponseImport } from "~/utils/response-import.server";
import { readSessionSecret } from "~/utils/session.server";

export const meta = titled((t) => t.surveyAdmin.importTitle);

async function definitionOr404(code: string | undefined) {
  const definition = await loadSurveyDefinition(getDb(), code ?? "");
  if (!definition) throw json({ reason: "not found" }, { status: 404 });
  return definition;
}

/** The page, following a running import (`?job=`) or reporting a finished one (`?imported=`). */
function importPage(code: string, search: Record<string, string>) {
  return `/manage/surveys/${encodeURIComponent(code)}/import?${new URLSearchParams(search)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const { survey, sections } = await definitionOr404(params.code);
  const page = { survey, questionCodes: sections.flatMap((s) => s.questions.map((q) => q.code)) };
  const jobId = new URL(request.url).searchParams.get("job");
  if (!jobId) return json({ ...page, job: null });
  const secret = await readSessionSecret(request);
  const state = secret ? jobState<CsvImportOutcome>(RESPONSE_IMPORT_JOB, jobId, secret) : null;
  if (!state) return json({ ...page, job: { id: jobId, status: "unknown" as const } });
  if (state.status === "running") return json({ ...page, job: { id: jobId, status: "running" as const, progress: state.progress } });
  if (state.status === "done" && state.result.ok) throw redirect(importPage(survey.code, { imported: String(state.result.imported) }));
  const t = await getT(request);
  const problems = state.status === "done" && !state.result.ok ? state.result.problems : [];
  const fileError = problems.length > 0 ? t.surveyAdmin.importFailed(problems.length) : t.jobs.failed;
  const failure = { fileError, problems: problems.map((problem) => describeImportProblem(problem, t)) };
  return json({ ...page, job: { id: jobId, status: "failed" as const, ...failure } });
}

/** Without JavaScript: start the import and follow it on this page, which refreshes itself. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const definition = await definitionOr404(params.code);
  const started = await startResponseImport(request, await getT(request), definition, { id: user.id, label: user.employeeNumber });
  if (!started.ok) return formError({ errors: started.errors, values: {} });
  return redirect(importPage(definition.survey.code, { job: started.jobId }));
}

/**
 * With JavaScript the file goes to /jobs/response-import/:code and progress shows in place: a
 * Remix form submission would wait for the page's loaders, which wait for the import.
 */
function useImportInPlace(code: string) {
  type Started = { jobId: string } | { errors: Record<string, string> };
  // Kept per location: once the job ends, the page moves on to its outcome and this is forgotten.
  const location = useLocation();
  const [started, setStarted] = useState<{ at: string; reply: Started } | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const response = await fetch(`/jobs/response-import/${encodeURIComponent(code)}`, { method: "POST", body: new FormData(event.currentTarget) });
    setStarted({ at: location.key, reply: (await response.json()) as Started });
  };
  return { started: started?.at === location.key ? started.reply : null, submit };
}

export default function ImportResponses() {
  const t = useT();
  const m = t.surveyAdmin;
  const locale = useLocale();
  const { survey, questionCodes, job } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const inPlace = useImportInPlace(survey.code);
  const params = new URLSearchParams(useLocation().search);
  const imported = Number(params.get("imported"));
  const failedJob = !actionData && !inPlace.started && job?.status === "failed" ? job : null;
  const startErrors = inPlace.started && "errors" in inPlace.started ? inPlace.started.errors : actionData?.errors;
  const fileError = startErrors?.file ?? failedJob?.fileError ?? undefined;
  const problems = failedJob?.problems ?? [];
  const running =
    inPlace.started && "jobId" in inPlace.started
      ? { id: inPlace.started.jobId, progress: { read: 0, checked: 0, written: 0 } }
      : !actionData && job?.status === "running"
        ? job
        : null;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}`}>{locale === "ja" ? survey.title_ja : survey.title_en}</Link>
      </p>
      <h1>{m.importTitle}</h1>
      {imported > 0 && !actionData && !inPlace.started ? (
        <p className="notice" role="status">
          {m.imported(imported)}
        </p>
      ) : null}
      {running ? (
        <JobProgress key={running.id} jobId={running.id} initial={running.progress} />
      ) : (
        <>
          {job?.status === "unknown" && !actionData ? <p className="notice">{t.jobs.unknown}</p> : null}
          <p>{m.importIntro}</p>
          <p>
            <code>{["所属", "職層", "年代", "雇用形態", ...questionCodes].join(",")}</code>
          </p>
          <ErrorSummary errors={fileError ? { file: fileError } : undefined} labels={{ file: m.importFile }} />
          {problems.length > 0 ? (
            <ul className="import-problems" aria-label={m.importTitle}>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={inPlace.submit}>
            <div className={fileError ? "field field-invalid" : "field"}>
              <label htmlFor="field-file">{m.importFile}</label>
              <p className="field-hint" id="field-file-hint">
                {m.importFileHint}
              </p>
              <input
                id="field-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                aria-invalid={fileError ? true : undefined}
                aria-describedby="field-file-hint"
              />
            </div>
            <button type="submit" className="button-primary">
              {m.importButton}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

import "~/i18n/area/surveyAdmin.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary } from "~/components/form-fields";
import { describeImportProblem } from "~/domain/survey/import-messages";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { importResponsesFromCsv } from "~/models/responses.server";
import { loadSurveyDefinition } from "~/models/surveys.server";
import { responseImportSchema } from "~/schemas/survey-admin.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { readMultipartForm } from "~/utils/uploads.server";

export const meta = titled((t) => t.surveyAdmin.importTitle);

/** 100,000 answer sheets of 15 questions fit in well under this. */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;


async function definitionOr404(code: string | undefined) {
  const definition = await loadSurveyDefinition(getDb(), code ?? "");
  if (!definition) throw json({ reason: "not found" }, { status: 404 });
  return definition;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const { survey, sections } = await definitionOr404(params.code);
  return json({ survey, questionCodes: sections.flatMap((s) => s.questions.map((q) => q.code)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const definition = await definitionOr404(params.code);
  const form = await readMultipartForm(request, MAX_IMPORT_BYTES);
  if (form === "tooLarge") {
    return formError({ errors: { file: t.validation.fileTooLarge(MAX_IMPORT_BYTES / 1024 / 1024) }, values: {} });
  }
  const parsed = parseForm(responseImportSchema, form, t);
  if (!parsed.ok) return formError({ errors: parsed.errors, values: {} });
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
  const outcome = await importResponsesFromCsv(getDb(), definition, bytes, { id: user.id, label: user.employeeNumber });
  if (!outcome.ok) {
    return json(
      {
        errors: { file: t.surveyAdmin.importFailed(outcome.problems.length) },
        problems: outcome.problems.map((problem) => describeImportProblem(problem, t)),
      },
      { status: 400 },
    );
  }
  return redirect(`/manage/surveys/${encodeURIComponent(definition.survey.code)}/import?imported=${outcome.imported}`);
}

export default function ImportResponses() {
  const t = useT();
  const m = t.surveyAdmin;
  const locale = useLocale();
  const { survey, questionCodes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const imported = Number(params.get("imported"));
  const fileError = actionData?.errors.file;
  const problems = actionData && "problems" in actionData ? actionData.problems : [];
  return (
    <div className="narrow-wide">
      <p>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}`}>{locale === "ja" ? survey.title_ja : survey.title_en}</Link>
      </p>
      <h1>{m.importTitle}</h1>
      {imported > 0 && !actionData ? (
        <p className="notice" role="status">
          {m.imported(imported)}
        </p>
      ) : null}
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
      <Form method="post" encType="multipart/form-data" noValidate>
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
    </div>
  );
}

import "~/i18n/area/surveyAdmin.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { fiscalYearLabel, fiscalYearOf, formatDate, tokyoDate } from "~/domain/dates";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import {
  SurveyError,
  createSurveyFromPrevious,
  createSurveyFromTemplate,
  listSurveysWithRespondents,
  listTemplates,
} from "~/models/surveys.server";
import { createSurveySchema } from "~/schemas/survey-admin.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.surveyAdmin.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const now = new Date();
  return json({
    surveys: await listSurveysWithRespondents(getDb()),
    templates: listTemplates(),
    defaults: { fiscalYear: fiscalYearOf(now), opensOn: tokyoDate(now) },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const parsed = parseForm(createSurveySchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const { source, ...input } = parsed.data;
  const [kind, sourceCode] = [source.slice(0, source.indexOf(":")), source.slice(source.indexOf(":") + 1)];
  const actor = { id: user.id, label: user.employeeNumber };
  try {
    const survey =
      kind === "template"
        ? await createSurveyFromTemplate(getDb(), sourceCode, input, actor)
        : await createSurveyFromPrevious(getDb(), sourceCode, input, actor);
    return redirect(`/manage/surveys/${encodeURIComponent(survey.code)}?created=1`);
  } catch (error) {
    if (error instanceof SurveyError && error.reason === "code_taken") {
      return formError({ errors: { code: t.surveyAdmin.codeTaken(input.code) }, values: Object.fromEntries(Object.entries(parsed.data).map(([k, v]) => [k, String(v)])) });
    }
    if (error instanceof SurveyError) return formError({ errors: { source: t.validation.invalid }, values: {} });
    throw error;
  }
}

export default function ManageSurveys() {
  const t = useT();
  const locale = useLocale();
  const { surveys, templates, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const m = t.surveyAdmin;
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {surveys.length === 0 ? (
        <p>{m.noSurveys}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.code}</th>
                <th scope="col">{m.surveyTitle}</th>
                <th scope="col">{m.fiscalYear}</th>
                <th scope="col">{m.period}</th>
                <th scope="col">{m.status}</th>
                <th scope="col" className="num">
                  {m.respondents}
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.code}>
                  <td>
                    <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}`}>{survey.code}</Link>
                  </td>
                  <td>{locale === "ja" ? survey.title_ja : survey.title_en}</td>
                  <td>{fiscalYearLabel(survey.fiscal_year, locale)}</td>
                  <td>
                    {formatDate(survey.opens_on, locale)} – {formatDate(survey.closes_on, locale)}
                  </td>
                  <td>{m.statusNames[survey.status]}</td>
                  <td className="num">{Number(survey.respondents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="create-survey">{m.createTitle}</h2>
      <ErrorSummary
        errors={errors}
        labels={{ source: m.createFrom, code: m.code, fiscalYear: m.fiscalYear, opensOn: m.opensOn, closesOn: m.closesOn }}
      />
      <Form method="post" noValidate aria-labelledby="create-survey" className="narrow">
        <div className={errors?.source ? "field field-invalid" : "field"}>
          <label htmlFor="field-source">{m.createFrom}</label>
          {errors?.source ? (
            <p className="field-error" id="field-source-error">
              {errors.source}
            </p>
          ) : null}
          <select id="field-source" name="source" defaultValue={values?.source} aria-describedby={errors?.source ? "field-source-error" : undefined}>
            {templates.map((template) => (
              <option key={template.code} value={`template:${template.code}`}>
                {m.fromTemplate(locale === "ja" ? template.title_ja : template.title_en)}
              </option>
            ))}
            {surveys.map((survey) => (
              <option key={survey.code} value={`survey:${survey.code}`}>
                {m.fromSurvey(locale === "ja" ? survey.title_ja : survey.title_en)}
              </option>
            ))}
          </select>
        </div>
        <TextField name="code" label={m.code} hint={m.codeHint} required defaultValue={values?.code} error={errors?.code} />
        <TextField
          name="fiscalYear"
          label={m.fiscalYear}
          type="number"
          inputMode="numeric"
          min={2000}
          max={2100}
          required
          defaultValue={values?.fiscalYear ?? String(defaults.fiscalYear)}
          error={errors?.fiscalYear}
        />
        <TextField name="opensOn" label={m.opensOn} type="date" required defaultValue={values?.opensOn ?? defaults.opensOn} error={errors?.opensOn} />
        <TextField name="closesOn" label={m.closesOn} type="date" required defaultValue={values?.closesOn} error={errors?.closesOn} />
        <button type="submit" className="button-primary">
          {m.create}
        </button>
      </Form>
    </>
  );
}

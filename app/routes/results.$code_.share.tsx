import "~/i18n/area/heatmap.client";
import "~/i18n/area/shared.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, TextAreaField } from "~/components/form-fields";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { PublicationError, findPublication, publishSummary } from "~/models/publications.server";
import { findSurvey } from "~/models/surveys.server";
import { SUMMARY_MAX_LENGTH, publishSchema } from "~/schemas/publications.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.shared.publishTitle);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const survey = await findSurvey(getDb(), params.code ?? "");
  if (!survey) throw json({ reason: "not_found" }, { status: 404 });
  const publication = await findPublication(getDb(), survey.id);
  const { code, title_ja, title_en, fiscal_year, status } = survey;
  return json({ survey: { code, title_ja, title_en, fiscal_year, status }, publication: publication ?? null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const parsed = parseForm(publishSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const code = params.code ?? "";
  try {
    await publishSummary(getDb(), { id: user.id, label: user.employeeNumber }, code, { ja: parsed.data.summaryJa, en: parsed.data.summaryEn });
  } catch (error) {
    if (!(error instanceof PublicationError)) throw error;
    return json({ ok: false as const, errors: { form: t.shared.errors[error.reason] }, values: {} as Record<string, string> }, { status: 400 });
  }
  return redirect(`/results/${encodeURIComponent(code)}/share?saved=1`);
}

export default function ShareResultsPage() {
  const t = useT();
  const locale = useLocale();
  const s = t.shared;
  const { survey, publication } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values;
  return (
    <>
      <p>
        <Link to={`/results/${encodeURIComponent(survey.code)}`}>{t.heatmap.backToResults}</Link>
      </p>
      <h1>
        {s.publishTitle}: {locale === "ja" ? survey.title_ja : survey.title_en}
      </h1>
      <p>{fiscalYearLabel(survey.fiscal_year, locale)}</p>
      {params.get("saved") && !actionData ? (
        <p className="notice" role="status">
          {s.published}
        </p>
      ) : null}
      {errors?.form ? (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={{ summaryJa: s.summaryJa, summaryEn: s.summaryEn }} />
      )}
      <p>{s.publishIntro}</p>
      {publication ? (
        <p>
          {s.alreadyPublished(formatDate(publication.published_at, locale))}{" "}
          <Link to={`/shared-results/${encodeURIComponent(survey.code)}`}>{s.viewAsStaff}</Link>
        </p>
      ) : null}
      <Form method="post" noValidate>
        <TextAreaField
          name="summaryJa"
          label={s.summaryJa}
          hint={s.summaryHint}
          error={errors?.summaryJa}
          required
          rows={6}
          maxLength={SUMMARY_MAX_LENGTH}
          defaultValue={values?.summaryJa ?? publication?.summary_ja}
          lang="ja"
        />
        <TextAreaField
          name="summaryEn"
          label={s.summaryEn}
          error={errors?.summaryEn}
          required
          rows={6}
          maxLength={SUMMARY_MAX_LENGTH}
          defaultValue={values?.summaryEn ?? publication?.summary_en}
          lang="en"
        />
        <button type="submit">{publication ? s.republish : s.publish}</button>
      </Form>
    </>
  );
}

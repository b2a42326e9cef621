import "~/i18n/area/builder.client";
import "~/i18n/area/common.client";
import "~/i18n/area/surveyAdmin.client";
import "~/i18n/area/validation.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/form-fields";
import { KpiTargetsForm } from "~/components/surveys/kpi-targets-form";
import { ReportingDimensionsForm } from "~/components/surveys/reporting-dimensions-form";
import { fiscalYearLabel, formatDate } from "~/domain/dates";
import { defaultTarget } from "~/domain/survey/kpi";
import { parseReportingDimensions } from "~/domain/survey/reporting-groups";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import {
  SurveyError,
  allowedTransitions,
  loadSurveyDefinition,
  setKpiTargets,
  setReportingDimensions,
  setSurveyStatus,
  updateSurveySettings,
} from "~/models/surveys.server";
import { previewReportingGroups } from "~/models/reporting-groups.server";
import { reportingDimensionsSchema } from "~/schemas/reporting-dimensions.server";
import { kpiTargetsSchema, surveyAdminIntentSchema, surveySettingsSchema, surveyStatusSchema } from "~/schemas/survey-admin.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.surveyAdmin.title);

const formatMilli = (milli: number) => (milli / 1000).toFixed(3);

async function definitionOr404(code: string) {
  const definition = await loadSurveyDefinition(getDb(), code);
  if (!definition) throw json({ reason: "not found" }, { status: 404 });
  return definition;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const definition = await definitionOr404(params.code ?? "");
  const { survey } = definition;
  return json({
    survey,
    reporting: parseReportingDimensions(survey.report_dimensions),
    // Once open, the groups are fixed; the roster of today would no longer describe them.
    reportingPreview: survey.status === "draft" ? await previewReportingGroups(getDb(), survey) : null,
    transitions: allowedTransitions(survey.status),
    sections: definition.sections.map((section) => ({
      id: section.id,
      title_ja: section.title_ja,
      title_en: section.title_en,
      questions: section.questions.map((q) => ({ code: q.code, text_ja: q.text_ja, text_en: q.text_en })),
    })),
    kpis: definition.sections
      .flatMap((s) => s.questions)
      .filter((q) => q.kpi !== null)
      .map((q) => ({
        code: q.code,
        indicator_ja: q.kpi!.indicator_ja,
        indicator_en: q.kpi!.indicator_en,
        outcomeCode: q.kpi!.outcomeCode,
        baseline: q.kpi!.baselineMilli === null ? null : formatMilli(q.kpi!.baselineMilli),
        ruleTarget: defaultTarget(q.kpi!.baselineMilli === null ? null : q.kpi!.baselineMilli / 1000).toFixed(3),
        customTarget: q.kpi!.targetOverridden ? formatMilli(q.kpi!.targetMilli) : "",
      })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const definition = await definitionOr404(params.code ?? "");
  const code = definition.survey.code;
  const actor = { id: user.id, label: user.employeeNumber };
  const form = await request.formData();
  const intent = surveyAdminIntentSchema.safeParse(Object.fromEntries(form));
  if (!intent.success) return formError({ errors: { form: t.validation.invalid }, values: {} });
  const done = (what: string) => redirect(`/manage/surveys/${encodeURIComponent(code)}?saved=${what}`);

  try {
    switch (intent.data.intent) {
      case "status": {
        const parsed = parseForm(surveyStatusSchema, form, t);
        if (!parsed.ok) return formError(parsed);
        await setSurveyStatus(getDb(), code, parsed.data.status, actor);
        return done("status");
      }
      case "settings": {
        const parsed = parseForm(surveySettingsSchema, form, t);
        if (!parsed.ok) return formError(parsed);
        await updateSurveySettings(getDb(), code, parsed.data, actor);
        return done("settings");
      }
      case "reporting": {
        const parsed = parseForm(reportingDimensionsSchema, form, t);
        if (!parsed.ok) return formError(parsed);
        const { intent: _intent, ...dimensions } = parsed.data;
        await setReportingDimensions(getDb(), code, dimensions, actor);
        return done("reporting");
      }
      case "targets": {
        const kpiCodes = definition.sections.flatMap((s) => s.questions).filter((q) => q.kpi).map((q) => q.code);
        // A KPI left out of the form keeps its target.
        const parsed = parseForm(kpiTargetsSchema(kpiCodes), form, t);
        if (!parsed.ok) return formError(parsed);
        await setKpiTargets(getDb(), code, parsed.data as Record<string, number | null>, actor);
        return done("targets");
      }
    }
  } catch (error) {
    if (error instanceof SurveyError) {
      const message = error.reason === "not_draft" ? t.surveyAdmin.surveyNotDraft : t.surveyAdmin.invalidTransition;
      return formError({ errors: { form: message }, values: {} });
    }
    throw error;
  }
}

export default function ManageSurvey() {
  const t = useT();
  const m = t.surveyAdmin;
  const locale = useLocale();
  const { survey, reporting, reportingPreview, transitions, sections, kpis } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const errors = actionData?.errors;
  const values = actionData?.values;
  const byLocale = (item: { title_ja: string; title_en: string }) => (locale === "ja" ? item.title_ja : item.title_en);
  const saved = params.get("saved");
  const savedMessage =
    params.get("created") === "1"
      ? m.created(survey.code)
      : saved === "status"
        ? m.statusChanged(m.statusNames[survey.status])
        : saved === "settings"
          ? m.settingsSaved
          : saved === "reporting"
            ? m.reporting.saved
            : saved === "targets"
              ? m.targetsSaved
              : null;

  return (
    <>
      <p>
        <Link to="/manage/surveys">{m.title}</Link>
      </p>
      <h1>{byLocale(survey)}</h1>
      {savedMessage && !actionData ? (
        <p className="notice" role="status">
          {savedMessage}
        </p>
      ) : null}
      {errors?.form ? (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      ) : null}
      <p>{m.detailIntro}</p>
      <dl className="summary-list">
        <dt>{m.code}</dt>
        <dd>{survey.code}</dd>
        <dt>{m.fiscalYear}</dt>
        <dd>{fiscalYearLabel(survey.fiscal_year, locale)}</dd>
        <dt>{m.period}</dt>
        <dd>
          {formatDate(survey.opens_on, locale)} – {formatDate(survey.closes_on, locale)}
        </dd>
        <dt>{m.status}</dt>
        <dd>{m.statusNames[survey.status]}</dd>
        <dt>{m.minGroupSize}</dt>
        <dd>{survey.min_group_size}</dd>
      </dl>
      <div className="toolbar">
        {transitions.map((status) => (
          <Form method="post" key={status}>
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="status" value={status} />
            <button type="submit" className={status === "open" ? "button-primary" : "button-secondary"}>
              {status === "open" ? m.open : m.close}
            </button>
          </Form>
        ))}
        <Link to={`/results/${encodeURIComponent(survey.code)}`}>{m.results}</Link>
        <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}/import`}>{m.importLink}</Link>
        {survey.status === "draft" ? <Link to={`/manage/surveys/${encodeURIComponent(survey.code)}/builder`}>{t.builder.builderLink}</Link> : null}
      </div>
      {transitions.includes("open") ? <p className="warning">{m.confirmOpen}</p> : null}

      <h2 id="settings">{m.settingsTitle}</h2>
      {survey.status === "draft" ? (
        <Form method="post" noValidate aria-labelledby="settings" className="narrow">
          <input type="hidden" name="intent" value="settings" />
          <ErrorSummary errors={values?.intent === "settings" ? errors : undefined} labels={{ opensOn: m.opensOn, closesOn: m.closesOn, minGroupSize: m.minGroupSize }} />
          <TextField name="opensOn" type="date" label={m.opensOn} required defaultValue={values?.opensOn ?? survey.opens_on} error={values?.intent === "settings" ? errors?.opensOn : undefined} />
          <TextField name="closesOn" type="date" label={m.closesOn} required defaultValue={values?.closesOn ?? survey.closes_on} error={values?.intent === "settings" ? errors?.closesOn : undefined} />
          <TextField
            name="minGroupSize"
            type="number"
            inputMode="numeric"
            min={3}
            max={50}
            label={m.minGroupSize}
            hint={m.minGroupSizeHint}
            required
            defaultValue={values?.minGroupSize ?? String(survey.min_group_size)}
            error={values?.intent === "settings" ? errors?.minGroupSize : undefined}
          />
          <button type="submit" className="button-primary">
            {t.surveyAdmin.save}
          </button>
        </Form>
      ) : (
        <p>{m.settingsLocked}</p>
      )}

      <ReportingDimensionsForm dimensions={reporting} preview={reportingPreview} minGroupSize={survey.min_group_size} editable={survey.status === "draft"} />

      {kpis.length > 0 ? (
        <KpiTargetsForm kpis={kpis} errors={values?.intent === "targets" ? errors : undefined} values={values?.intent === "targets" ? values : undefined} />
      ) : null}

      <h2>{m.structureTitle}</h2>
      {sections.map((section) => (
        <section key={section.id} aria-label={byLocale(section)}>
          <h3>
            {byLocale(section)} <span className="badge">{m.sectionQuestions(section.questions.length)}</span>
          </h3>
          <ol>
            {section.questions.map((q) => (
              <li key={q.code}>
                <strong>{q.code}</strong> {locale === "ja" ? q.text_ja : q.text_en}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

import "~/i18n/area/actions.client";
import "~/i18n/area/surveyAdmin.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { ActionList, NewActionForm } from "~/components/results/actions";
import { fiscalYearLabel } from "~/domain/dates";
import { mayViewUnit } from "~/domain/survey/unit-scope";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { actionPage } from "~/models/action-page.server";
import { ActionError, createAction, setActionStatus } from "~/models/actions.server";
import { actionScopeFor } from "~/models/unit-heads.server";
import { parseActionForm } from "~/schemas/actions.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.actions.title);

/** HR, and unit heads for their units; anyone else 403. */
async function requireActionScope(request: Request) {
  const user = await requireUser(request);
  const scope = await actionScopeFor(getDb(), user);
  if (!scope) throw json({ reason: "forbidden" }, { status: 403 });
  return { user, scope };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireActionScope(request);
  const page = await actionPage(getDb(), params.code ?? "", scope);
  if (!page) throw json({ reason: "not_found" }, { status: 404 });
  return json({ ...page, isHr: scope.kind === "all", headedUnits: scope.kind === "units" ? scope.units : [] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireActionScope(request);
  const t = await getT(request);
  const parsed = parseActionForm(await request.formData(), t);
  if (!parsed.ok) return json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const actor = { id: user.id, label: user.employeeNumber };
  const code = params.code ?? "";
  try {
    if (parsed.data.intent === "create") {
      const { title, owner, dueOn, status, unit, targets } = parsed.data;
      await createAction(getDb(), actor, code, { title, owner, dueOn, status, unitPath: unit === "" ? null : unit, targets }, scope);
      return redirect(`/manage/actions/${encodeURIComponent(code)}?saved=created`);
    }
    await setActionStatus(getDb(), actor, parsed.data.actionId, parsed.data.status, scope);
    return redirect(`/manage/actions/${encodeURIComponent(code)}?saved=updated`);
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    const status = error.reason === "outside_unit" ? 403 : error.reason === "unknown_survey" || error.reason === "unknown_action" ? 404 : 400;
    return json({ errors: { form: t.actions.errors[error.reason] }, values: {} }, { status });
  }
}

export default function SurveyActionsPage() {
  const t = useT();
  const locale = useLocale();
  const a = t.actions;
  const { survey, kpis, outcomes, units, actions, isHr, headedUnits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const saved = params.get("saved");
  const title = locale === "ja" ? survey.title_ja : survey.title_en;
  const mayEdit = (unitPath: string | null) => isHr || (unitPath !== null && mayViewUnit(headedUnits, unitPath));
  return (
    <>
      <p>
        <Link to={isHr ? `/results/${encodeURIComponent(survey.code)}` : "/unit-results"}>{a.backToResults}</Link>
      </p>
      <h1>
        {a.title}: {title}
      </h1>
      <p>
        {fiscalYearLabel(survey.fiscal_year, locale)} / {t.surveyAdmin.statusNames[survey.status]}
      </p>
      {saved && !actionData ? (
        <p className="notice" role="status">
          {saved === "created" ? a.created : a.updated}
        </p>
      ) : null}
      {actionData?.errors && "form" in actionData.errors ? (
        <p className="error-summary" role="alert">
          {actionData.errors.form}
        </p>
      ) : null}
      <p>{a.intro}</p>
      <h2>{a.listHeading}</h2>
      <ActionList actions={actions} caption={a.caption(title)} editable={(row) => mayEdit(row.unitPath)} />
      {survey.status === "closed" ? (
        <NewActionForm
          kpis={kpis.map((kpi) => ({ code: kpi.code, label: `${kpi.code} ${locale === "ja" ? kpi.indicator_ja : kpi.indicator_en}` }))}
          outcomes={outcomes.map((outcome) => ({ code: outcome.code, label: `${outcome.code} ${locale === "ja" ? outcome.name_ja : outcome.name_en}` }))}
          units={units.map((unit) => ({ value: unit ?? "", label: unit ?? a.wardWide }))}
          errors={actionData?.errors && !("form" in actionData.errors) ? actionData.errors : undefined}
          values={actionData?.values}
        />
      ) : (
        <p className="notice">{a.notClosed}</p>
      )}
    </>
  );
}

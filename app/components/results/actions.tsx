import "~/i18n/area/actions.client";
import "~/i18n/area/results.client";
import { Form } from "@remix-run/react";
import { ErrorSummary, FieldMessages, TextField } from "~/components/form-fields";
import { formatDate, fiscalYearLabel } from "~/domain/dates";
import type { ActionTarget, KpiChange } from "~/domain/survey/action-evaluation";
import { useLocale, useT } from "~/i18n/use-t";
import { AchievedBadge, formatChange, formatScore } from "./figures";

const STATUSES = ["planned", "in_progress", "done"] as const;
type Status = (typeof STATUSES)[number];

export interface ActionRow {
  id: number;
  title: string;
  owner: string;
  dueOn: string;
  status: Status;
  unitPath: string | null;
  targets: readonly ActionTarget[];
  kpiCodes: readonly string[];
}

function TargetList({ targets }: { targets: readonly ActionTarget[] }) {
  const t = useT();
  const a = t.actions;
  return <>{targets.map((target) => (target.kind === "kpi" ? a.kpiTarget(target.code) : a.outcomeTarget(target.code))).join("、")}</>;
}

/** The recorded actions; those the reader may change carry a small status form (works without JavaScript). */
export function ActionList({ actions, caption, editable }: { actions: readonly ActionRow[]; caption: string; editable: (action: ActionRow) => boolean }) {
  const t = useT();
  const locale = useLocale();
  const a = t.actions;
  if (actions.length === 0) return <p>{a.none}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{a.columns.title}</th>
            <th scope="col">{a.columns.owner}</th>
            <th scope="col">{a.columns.dueOn}</th>
            <th scope="col">{a.columns.unit}</th>
            <th scope="col">{a.columns.targets}</th>
            <th scope="col">{a.columns.status}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">{action.title}</th>
              <td>{action.owner}</td>
              <td>{formatDate(action.dueOn, locale)}</td>
              <td>{action.unitPath ?? a.wardWide}</td>
              <td>
                <TargetList targets={action.targets} />
              </td>
              <td>
                {editable(action) ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="status" />
                    <input type="hidden" name="actionId" value={action.id} />
                    <select name="status" defaultValue={action.status} aria-label={a.changeStatus(action.title)}>
                      {STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {a.statusNames[status]}
                        </option>
                      ))}
                    </select>{" "}
                    <button type="submit" className="button-secondary">
                      {a.update}
                    </button>
                  </Form>
                ) : (
                  a.statusNames[action.status]
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface TargetChoice {
  code: string;
  label: string;
}

/** A new action: what, owner, due date, status, unit, and the KPIs / outcomes it targets. */
export function NewActionForm({
  kpis,
  outcomes,
  units,
  errors,
  values,
}: {
  kpis: readonly TargetChoice[];
  outcomes: readonly TargetChoice[];
  /** The units the reader may record for; "" is ward-wide (HR only). */
  units: readonly { value: string; label: string }[];
  errors: Record<string, string> | undefined;
  values: Record<string, string | string[]> | undefined;
}) {
  const t = useT();
  const a = t.actions;
  const text = (name: string) => {
    const value = values?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const chosen = new Set(Array.isArray(values?.targets) ? values.targets : []);
  const targetError = errors?.targets;
  return (
    <section aria-labelledby="new-action-heading">
      <h2 id="new-action-heading">{a.newHeading}</h2>
      <ErrorSummary errors={errors} labels={a.fields} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField name="title" label={a.fields.title} hint={a.titleHint} error={errors?.title} required maxLength={200} defaultValue={text("title")} />
        <TextField name="owner" label={a.fields.owner} error={errors?.owner} required maxLength={100} defaultValue={text("owner")} />
        <TextField name="dueOn" label={a.fields.dueOn} type="date" hint={a.dueOnHint} error={errors?.dueOn} required defaultValue={text("dueOn")} />
        <div className="field">
          <label htmlFor="field-status">{a.fields.status}</label>
          <select id="field-status" name="status" defaultValue={text("status") ?? "planned"}>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {a.statusNames[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="field-unit">{a.fields.unit}</label>
          <select id="field-unit" name="unit" defaultValue={text("unit") ?? units[0]?.value}>
            {units.map((unit) => (
              <option key={unit.value} value={unit.value}>
                {unit.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset
          id="field-targets"
          className={targetError ? "builder-fieldset field-invalid" : "builder-fieldset"}
          aria-describedby={targetError ? "field-targets-error" : undefined}
        >
          <legend>{a.fields.targets}</legend>
          <FieldMessages id="field-targets" error={targetError} />
          <p className="field-hint">{a.kpiGroup}</p>
          {kpis.map((kpi) => (
            <label key={kpi.code} className="choice">
              <input type="checkbox" name="targets" value={`kpi:${kpi.code}`} defaultChecked={chosen.has(`kpi:${kpi.code}`)} /> {kpi.label}
            </label>
          ))}
          <p className="field-hint">{a.outcomeGroup}</p>
          {outcomes.map((outcome) => (
            <label key={outcome.code} className="choice">
              <input type="checkbox" name="targets" value={`outcome:${outcome.code}`} defaultChecked={chosen.has(`outcome:${outcome.code}`)} />{" "}
              {outcome.label}
            </label>
          ))}
        </fieldset>
        <button type="submit">{a.save}</button>
      </Form>
    </section>
  );
}

interface KpiFigure {
  code: string;
  indicator_ja: string | null;
  indicator_en: string | null;
  mean: number | null;
  target: number | null;
  achieved: boolean | null;
  isKpi: boolean;
  /** The disclosure gate gave no figure for it (too few respondents to it). */
  withheld: boolean;
}

/** Each KPI with its mean against target and the actions that target it. */
export function ActionsBesideKpis({ questions, actions }: { questions: readonly KpiFigure[]; actions: readonly ActionRow[] }) {
  const t = useT();
  const locale = useLocale();
  const a = t.actions;
  const kpis = questions.filter((question) => question.isKpi);
  return (
    <section aria-labelledby="actions-beside-kpis-heading">
      <h2 id="actions-beside-kpis-heading">{a.besideKpisHeading}</h2>
      <p>{a.besideKpisIntro}</p>
      <div className="table-scroll">
        <table>
          <caption>{a.besideKpisHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{a.kpi}</th>
              <th scope="col" className="num">
                {t.results.table.mean}
              </th>
              <th scope="col" className="num">
                {t.results.table.target}
              </th>
              <th scope="col">{t.results.table.achieved}</th>
              <th scope="col">{a.listHeading}</th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => {
              const own = actions.filter((action) => action.kpiCodes.includes(kpi.code));
              return (
                <tr key={kpi.code}>
                  <th scope="row">
                    {kpi.code} <small>{locale === "ja" ? kpi.indicator_ja : kpi.indicator_en}</small>
                  </th>
                  <td className="num">{kpi.withheld ? t.results.table.suppressed : formatScore(kpi.mean)}</td>
                  <td className="num">{formatScore(kpi.target)}</td>
                  <td>{kpi.withheld ? null : <AchievedBadge achieved={kpi.achieved} />}</td>
                  <td>
                    {own.length === 0 ? (
                      <small>{a.noActionsForKpi}</small>
                    ) : (
                      <ul className="plain-list">
                        {own.map((action) => (
                          <li key={action.id}>
                            {action.title}（{a.statusNames[action.status]}）
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface EvaluatedActionRow extends ActionRow {
  setAfter: { code: string; fiscalYear: number };
  changes: readonly KpiChange[];
}

/** The previous year's actions, each with its KPIs' means then and now and the change. */
export function ActionEvaluation({ actions, fiscalYear }: { actions: readonly EvaluatedActionRow[]; fiscalYear: number }) {
  const t = useT();
  const locale = useLocale();
  const a = t.actions;
  const first = actions[0];
  if (!first) return null;
  const thenLabel = fiscalYearLabel(first.setAfter.fiscalYear, locale);
  const nowLabel = fiscalYearLabel(fiscalYear, locale);
  const noFigures = actions.every((action) => action.changes.every((change) => change.after === null));
  return (
    <section aria-labelledby="action-evaluation-heading">
      <h2 id="action-evaluation-heading">{a.evaluationHeading}</h2>
      <p>{a.evaluationIntro(thenLabel)}</p>
      {noFigures ? <p className="notice">{a.noChangeYet}</p> : null}
      {actions.map((action) => (
        <div key={action.id} className="table-scroll">
          <table>
            <caption>{a.evaluationCaption(action.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{a.kpi}</th>
                <th scope="col" className="num">
                  {a.before(thenLabel)}
                </th>
                <th scope="col" className="num">
                  {a.after(nowLabel)}
                </th>
                <th scope="col" className="num">
                  {a.change}
                </th>
              </tr>
            </thead>
            <tbody>
              {action.changes.map((change) => (
                <tr key={change.code}>
                  <th scope="row">{change.code}</th>
                  <td className="num">{formatScore(change.before)}</td>
                  <td className="num">{formatScore(change.after)}</td>
                  <td className="num">{formatChange(change.change)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-hint">
            {a.columns.owner}: {action.owner} / {a.columns.status}: {a.statusNames[action.status]} / {a.columns.unit}: {action.unitPath ?? a.wardWide}
          </p>
        </div>
      ))}
    </section>
  );
}

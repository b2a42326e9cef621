import "~/i18n/area/results.client";
import "~/i18n/area/surveyAdmin.client";
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/form-fields";
import { useLocale, useT } from "~/i18n/use-t";

export interface KpiTargetRow {
  code: string;
  indicator_ja: string;
  indicator_en: string;
  outcomeCode: string;
  /** Formatted to 3 decimals, or null without a baseline. */
  baseline: string | null;
  ruleTarget: string;
  /** HR's own target as typed before, or "" when the rule applies. */
  customTarget: string;
}

interface KpiTargetsFormProps {
  kpis: readonly KpiTargetRow[];
  errors: Record<string, string> | undefined;
  values: Record<string, string> | undefined;
}

/** One row per KPI: the city's rule beside a field for HR's own target (blank follows the rule). */
export function KpiTargetsForm({ kpis, errors, values }: KpiTargetsFormProps) {
  const t = useT();
  const m = t.surveyAdmin;
  const locale = useLocale();
  return (
    <>
      <h2 id="kpi-targets">{m.kpiTitle}</h2>
      <p>{m.kpiIntro}</p>
      <ErrorSummary errors={errors} labels={Object.fromEntries(kpis.map((k) => [k.code, m.customTarget(k.code)]))} />
      <Form method="post" noValidate aria-labelledby="kpi-targets">
        <input type="hidden" name="intent" value="targets" />
        <div className="table-scroll">
          <table>
            <caption>{m.kpiTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.results.table.question}</th>
                <th scope="col">{m.indicator}</th>
                <th scope="col">{m.outcome}</th>
                <th scope="col" className="num">
                  {m.baseline}
                </th>
                <th scope="col" className="num">
                  {m.ruleTarget}
                </th>
                <th scope="col">{t.results.table.target}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((kpi) => {
                const error = errors?.[kpi.code];
                return (
                  <tr key={kpi.code}>
                    <th scope="row">{kpi.code}</th>
                    <td>{locale === "ja" ? kpi.indicator_ja : kpi.indicator_en}</td>
                    <td>{kpi.outcomeCode}</td>
                    <td className="num">{kpi.baseline ?? m.noBaseline}</td>
                    <td className="num">{kpi.ruleTarget}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`field-${kpi.code}`}>
                        {m.customTarget(kpi.code)}
                      </label>
                      <input
                        id={`field-${kpi.code}`}
                        name={kpi.code}
                        inputMode="decimal"
                        size={6}
                        placeholder={kpi.ruleTarget}
                        defaultValue={values?.[kpi.code] ?? kpi.customTarget}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `field-${kpi.code}-error` : undefined}
                      />
                      {error ? (
                        <p className="field-error" id={`field-${kpi.code}-error`}>
                          {error}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" className="button-primary">
          {m.saveTargets}
        </button>
      </Form>
    </>
  );
}

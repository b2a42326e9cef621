import "~/i18n/area/rounds.client";
import { useMemo } from "react";
import { Chart, type ChartSpec } from "~/components/charts/chart";
import { formatCount, formatScore, formatShare } from "~/components/results/figures";
import {
  type Activity,
  type ActivityFigures,
  type DepartmentActivity,
  type DepartmentOutcome,
  type MonthActivity,
  OUTCOME_QUESTIONS,
} from "~/domain/rounds";
import type { SuppressedGroup } from "~/domain/survey/suppression";
import { useLocale, useT } from "~/i18n/use-t";

const CHART_HEIGHT = 320;
/** The value axis rounds up to a multiple of this, so a quiet month does not fill the chart. */
const AXIS_STEP = 10;

/** Messages sent per month for one 部 or all staff, drawn as bars with the numbers as a table. */
export function MonthlySentChart({ months, scope }: { months: readonly MonthActivity[]; scope: string }) {
  const t = useT();
  const locale = useLocale();
  const a = t.rounds.analytics;
  const spec = useMemo<ChartSpec>(() => {
    const highest = Math.max(0, ...months.map((month) => month.sent));
    return {
      kind: "barsWithMarks",
      categories: months.map((month) => a.monthLabel(month.month)),
      categoryTitle: a.month,
      bars: { label: a.sent, values: months.map((month) => month.sent) },
      marks: [],
      valueAxis: { title: a.sentAxis, min: 0, max: Math.max(AXIS_STEP, Math.ceil(highest / AXIS_STEP) * AXIS_STEP) },
    };
  }, [months, a]);
  const formatValue = useMemo(() => (value: number) => formatCount(value, locale), [locale]);
  const total = months.reduce((sum, month) => sum + month.sent, 0);
  return (
    <Chart
      title={a.chartTitle(scope)}
      summary={a.chartSummary(scope, formatCount(total, locale))}
      spec={spec}
      formatValue={formatValue}
      height={CHART_HEIGHT}
    />
  );
}

/** The same months with the shares of staff who sent or received at least one. */
export function MonthlyActivityTable({ months, scope }: { months: readonly MonthActivity[]; scope: string }) {
  const t = useT();
  const locale = useLocale();
  const a = t.rounds.analytics;
  return (
    <div className="table-scroll">
      <table>
        <caption>{a.monthlyCaption(scope)}</caption>
        <thead>
          <tr>
            <th scope="col">{a.month}</th>
            <th scope="col" className="num">
              {a.sent}
            </th>
            <th scope="col" className="num">
              {a.sentShare}
            </th>
            <th scope="col" className="num">
              {a.receivedShare}
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month.month}>
              <th scope="row">{a.monthLabel(month.month)}</th>
              <td className="num">{formatCount(month.sent, locale)}</td>
              <td className="num">{formatShare(month.sentShare)}</td>
              <td className="num">{formatShare(month.receivedShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeCells({ outcome }: { outcome: DepartmentOutcome }) {
  const a = useT().rounds.analytics;
  if (outcome.kind === "shown") {
    return (
      <>
        {OUTCOME_QUESTIONS.map((code) => (
          <td key={code} className="num">
            {formatScore(outcome.means[code])}
          </td>
        ))}
      </>
    );
  }
  const text = { no_survey: a.noSurvey, not_asked: a.notAsked, suppressed: a.outcomeSuppressed, no_respondents: a.noRespondents }[outcome.kind];
  return <td colSpan={OUTCOME_QUESTIONS.length}>{text}</td>;
}

interface DepartmentActivityTableProps {
  caption: string;
  total: Activity;
  departments: readonly SuppressedGroup<DepartmentActivity>[];
  outcomes: { total: DepartmentOutcome; byDepartment: Record<string, DepartmentOutcome> };
}

/** The year per 部: activity beside the survey's Q05 and Q15, suppressed 部 as names only. */
export function DepartmentActivityTable({ caption, total, departments, outcomes }: DepartmentActivityTableProps) {
  const t = useT();
  const locale = useLocale();
  const a = t.rounds.analytics;
  const figureCells = (figures: ActivityFigures) => (
    <>
      <td className="num">{formatCount(figures.activeStaff, locale)}</td>
      <td className="num">{formatCount(figures.sent, locale)}</td>
      <td className="num">{formatShare(figures.sentShare)}</td>
      <td className="num">{formatShare(figures.receivedShare)}</td>
    </>
  );
  const hidden = departments.filter((entry) => entry.suppressed);
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{a.department}</th>
              <th scope="col" className="num">
                {a.activeStaff}
              </th>
              <th scope="col" className="num">
                {a.sent}
              </th>
              <th scope="col" className="num">
                {a.sentShare}
              </th>
              <th scope="col" className="num">
                {a.receivedShare}
              </th>
              <th scope="col" className="num">
                {a.q05}
              </th>
              <th scope="col" className="num">
                {a.q15}
              </th>
            </tr>
          </thead>
          <tbody>
            {departments.map((entry) =>
              entry.suppressed ? null : (
                <tr key={entry.group.name}>
                  <th scope="row">{entry.group.name}</th>
                  {figureCells(entry.group.year)}
                  <OutcomeCells outcome={outcomes.byDepartment[entry.group.name] ?? { kind: "no_respondents" }} />
                </tr>
              ),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{a.allDepartments}</th>
              {figureCells(total.year)}
              <OutcomeCells outcome={outcomes.total} />
            </tr>
          </tfoot>
        </table>
      </div>
      {hidden.length > 0 ? (
        <ul className="suppressed-groups">
          {hidden.map((entry) => (
            <li key={entry.name}>{a.suppressed(entry.name)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

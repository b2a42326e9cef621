import "~/i18n/area/rounds.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DepartmentActivityTable, MonthlyActivityTable, MonthlySentChart } from "~/components/rounds/message-activity";
import { fiscalYearLabel, fiscalYearOf } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { analyticsFiscalYears, messageAnalytics } from "~/models/message-analytics.server";
import { parseAnalyticsQuery } from "~/schemas/rounds.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.rounds.analytics.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const query = parseAnalyticsQuery(new URL(request.url));
  const fiscalYears = await analyticsFiscalYears(getDb());
  const fiscalYear = query.fiscalYear !== null && fiscalYears.includes(query.fiscalYear) ? query.fiscalYear : fiscalYearOf(new Date());
  const analytics = await messageAnalytics(getDb(), fiscalYear);
  // The chart shows one shown 部 or everyone; a suppressed or unknown 部 falls back to everyone.
  const selected = analytics.departments.find((entry) => !entry.suppressed && entry.group.name === query.department);
  return json({
    fiscalYears,
    analytics,
    department: selected && !selected.suppressed ? selected.group.name : null,
    months: selected && !selected.suppressed ? selected.group.months : analytics.total.months,
  });
}

export default function MessageAnalyticsPage() {
  const t = useT();
  const locale = useLocale();
  const a = t.rounds.analytics;
  const { fiscalYears, analytics, department, months } = useLoaderData<typeof loader>();
  const scope = department ?? a.allDepartments;
  const yearLabel = fiscalYearLabel(analytics.fiscalYear, locale);
  return (
    <>
      <p>
        <Link to="/manage/rounds">{t.rounds.title}</Link>
      </p>
      <h1>{a.title}</h1>
      <p>{a.intro}</p>
      <Form method="get" className="toolbar">
        <div className="field">
          <label htmlFor="analytics-year">{a.fiscalYear}</label>
          <select id="analytics-year" name="fiscalYear" defaultValue={analytics.fiscalYear} key={analytics.fiscalYear}>
            {fiscalYears.map((year) => (
              <option key={year} value={year}>
                {fiscalYearLabel(year, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="analytics-department">{a.department}</label>
          <select id="analytics-department" name="department" defaultValue={department ?? ""} key={department ?? ""}>
            <option value="">{a.allDepartments}</option>
            {analytics.departments.map((entry) =>
              entry.suppressed ? null : (
                <option key={entry.group.name} value={entry.group.name}>
                  {entry.group.name}
                </option>
              ),
            )}
          </select>
        </div>
        <button type="submit" className="button-secondary">
          {a.show}
        </button>
      </Form>
      <p className="field-hint">{a.suppressionRule(analytics.minimumSize)}</p>
      <section aria-labelledby="monthly-heading">
        <h2 id="monthly-heading">{a.monthlyHeading}</h2>
        <div className="analytics-columns">
          <MonthlySentChart months={months} scope={scope} />
          <MonthlyActivityTable months={months} scope={scope} />
        </div>
      </section>
      <section aria-labelledby="year-heading">
        <h2 id="year-heading">{a.yearHeading}</h2>
        <p>{analytics.survey ? a.surveyFrom(locale === "ja" ? analytics.survey.title_ja : analytics.survey.title_en) : a.noSurveyNote}</p>
        <DepartmentActivityTable
          caption={a.yearCaption(yearLabel)}
          total={analytics.total}
          departments={analytics.departments}
          outcomes={analytics.outcomes}
        />
      </section>
    </>
  );
}

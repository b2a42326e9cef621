import "~/i18n/area/actions.client";
import "~/i18n/area/heatmap.client";
import "~/i18n/area/indicators.client";
import "~/i18n/area/reports.client";
import "~/i18n/area/shared.client";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

interface ReportLinksProps {
  code: string;
  freeTextQuestions: readonly string[];
  choiceQuestions: readonly string[];
}

/** Links from the results page to the pages built on it: trend, print report, cross-tabs, free text. */
export function ReportLinks({ code, freeTextQuestions, choiceQuestions }: ReportLinksProps) {
  const t = useT();
  const l = t.reports.links;
  const base = `/results/${encodeURIComponent(code)}`;
  return (
    <nav aria-labelledby="report-links-heading">
      <h2 id="report-links-heading">{l.heading}</h2>
      <ul className="link-list">
        <li>
          <Link to={`${base}/heatmap`}>{t.heatmap.link}</Link>
        </li>
        <li>
          <Link to={`/manage/actions/${encodeURIComponent(code)}`}>{t.actions.link}</Link>
        </li>
        <li>
          <Link to={`${base}/share`}>{t.shared.publishLink}</Link>
        </li>
        <li>
          <Link to="/manage/indicators">{t.indicators.link}</Link>
        </li>
        <li>
          <Link to={`${base}/trend`}>{l.trend}</Link>
        </li>
        <li>
          <Link to={`${base}/report`}>{l.report}</Link>
        </li>
        {choiceQuestions.map((question) => (
          <li key={`crosstab-${question}`}>
            <Link to={`${base}/crosstab?${new URLSearchParams({ question })}`}>{l.crosstab(question)}</Link>
          </li>
        ))}
        {freeTextQuestions.map((question) => (
          <li key={question}>
            <Link to={`${base}/comments?${new URLSearchParams({ question })}`}>{l.comments(question)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

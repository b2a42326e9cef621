import "~/i18n/area/common.client";
import "~/i18n/area/audit.client";
import "~/i18n/area/home.client";
import "~/i18n/area/surveyList.client";
import { Link } from "@remix-run/react";
import { DepartmentRatesTable } from "~/components/results/department-rates-table";
import { formatCount, formatShare } from "~/components/results/figures";
import { formatDate } from "~/domain/dates";
import type { CoverageFigures } from "~/domain/rounds";
import { useLocale, useLocalisedText, useT } from "~/i18n/use-t";

export interface HrOverviewData {
  surveys: {
    code: string;
    titleJa: string;
    titleEn: string;
    closesOn: string;
    respondents: number;
    eligible: number;
    responseRate: number | null;
    departments: { department: string; eligible: number; respondents: number; rate: number | null }[];
  }[];
  rounds: { id: number; titleJa: string; titleEn: string; endsOn: string; participants: number; coverage: CoverageFigures | null }[];
  awaitingModeration: number | null;
  roster: { withoutPassword: number; withoutEmail: number; unknownSupervisor: number };
}

/** HR's home: response rates (counts only), round coverage, moderation and roster to-dos. */
export function HrOverview({ overview }: { overview: HrOverviewData }) {
  const t = useT();
  const h = t.home;
  const locale = useLocale();
  const localised = useLocalisedText();
  const count = (n: number) => formatCount(n, locale);
  const { roster } = overview;
  return (
    <section aria-labelledby="hr-heading" className="home-section">
      <h2 id="hr-heading">{h.hrHeading}</h2>
      {overview.surveys.length === 0 ? <p>{h.noOpenSurveys}</p> : null}
      {overview.surveys.map((survey) => {
        const title = localised(survey.titleJa, survey.titleEn);
        return (
          <div key={survey.code} className="home-block">
            <h3>
              <Link to={`/results/${encodeURIComponent(survey.code)}`}>{h.responseHeading(title)}</Link>
            </h3>
            <p className="home-figure">
              {h.responseToday(formatShare(survey.responseRate), count(survey.respondents), count(survey.eligible))}
              <span className="task-when"> {t.surveyList.closesOn(formatDate(survey.closesOn, locale))}</span>
            </p>
            {survey.departments.length > 0 ? (
              <DepartmentRatesTable caption={h.byDepartmentCaption} rows={survey.departments} />
            ) : null}
          </div>
        );
      })}

      <h3>{h.roundsCoverageHeading}</h3>
      {overview.rounds.length === 0 ? (
        <p>{h.noOpenRounds}</p>
      ) : (
        <ul className="link-list">
          {overview.rounds.map((round) => (
            <li key={round.id}>
              <Link to={`/manage/rounds/${round.id}`}>{localised(round.titleJa, round.titleEn)}</Link>
              {"："}
              {round.coverage
                ? h.roundCoverage(formatShare(round.coverage.metExpectedShare), count(round.participants))
                : h.roundCoverageHidden(count(round.participants))}
            </li>
          ))}
        </ul>
      )}

      {overview.awaitingModeration !== null ? (
        <>
          <h3>{h.moderationHeading}</h3>
          <p>
            {overview.awaitingModeration > 0 ? (
              <Link to="/manage/moderation">{h.moderationCount(overview.awaitingModeration)}</Link>
            ) : (
              h.moderationNone
            )}
          </p>
        </>
      ) : null}

      <h3>{h.rosterHeading}</h3>
      {roster.withoutPassword + roster.withoutEmail + roster.unknownSupervisor === 0 ? (
        <p>{h.rosterClean}</p>
      ) : (
        <ul className="link-list">
          {roster.withoutPassword > 0 ? (
            <li>
              {h.withoutPassword(count(roster.withoutPassword))} — <Link to="/manage/onboarding">{h.issueLetters}</Link>
            </li>
          ) : null}
          {roster.withoutEmail > 0 ? <li>{h.withoutEmail(count(roster.withoutEmail))}</li> : null}
          {roster.unknownSupervisor > 0 ? <li>{h.unknownSupervisor(count(roster.unknownSupervisor))}</li> : null}
        </ul>
      )}

      <h3>{h.linksHeading}</h3>
      <ul className="link-list">
        <li>
          <Link to="/roster">{t.home.rosterLink}</Link>
        </li>
        <li>
          <Link to="/roster/import">{t.home.rosterImportLink}</Link>
        </li>
        <li>
          <Link to="/manage/onboarding">{t.home.onboardingLink}</Link>
        </li>
        <li>
          <Link to="/manage/audit">{t.audit.title}</Link>
        </li>
      </ul>
    </section>
  );
}

import "~/i18n/area/home.client";
import { Link } from "@remix-run/react";
import { RoundProgressText } from "~/components/rounds/round-progress";
import { formatDate } from "~/domain/dates";
import type { RoundProgress } from "~/domain/rounds";
import { useLocale, useLocalisedText, useT } from "~/i18n/use-t";

export interface StaffTasksData {
  surveys: { code: string; titleJa: string; titleEn: string; closesOn: string; daysLeft: number; answered: boolean }[];
  rounds: { id: number; titleJa: string; titleEn: string; endsOn: string; daysLeft: number; progress: RoundProgress }[];
  unread: number;
  thanks: number;
}

/** The staff home: what is open for me, how far I am, what is waiting. */
export function StaffTasks({ tasks }: { tasks: StaffTasksData }) {
  const t = useT();
  const h = t.home;
  const locale = useLocale();
  const localised = useLocalisedText();
  const openSurveys = tasks.surveys.filter((survey) => !survey.answered).length;
  const openRounds = tasks.rounds.filter((round) => !round.progress.complete).length;
  return (
    <section aria-labelledby="tasks-heading" className="home-section">
      <h2 id="tasks-heading">{h.tasksHeading}</h2>
      {openSurveys + openRounds + tasks.unread === 0 ? <p>{h.nothingToDo}</p> : null}
      {tasks.surveys.length > 0 ? (
        <>
          <h3>{h.surveysHeading}</h3>
          <ul className="task-list">
            {tasks.surveys.map((survey) => {
              const title = localised(survey.titleJa, survey.titleEn);
              return (
                <li key={survey.code} className="task">
                  <span className="task-title">{title}</span>
                  <span className="task-when">{h.daysLeft(survey.daysLeft, formatDate(survey.closesOn, locale))}</span>
                  {survey.answered ? (
                    <span className="badge badge-added">{h.answered}</span>
                  ) : (
                    <>
                      <span className="badge badge-pending">{h.notAnswered}</span>
                      <Link className="button-secondary task-action" to={`/surveys/${encodeURIComponent(survey.code)}`}>
                        {h.answerNow(title)}
                      </Link>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {tasks.rounds.length > 0 ? (
        <>
          <h3>{h.roundsHeading}</h3>
          <ul className="task-list">
            {tasks.rounds.map((round) => (
              <li key={round.id} className="task">
                <span className="task-title">{localised(round.titleJa, round.titleEn)}</span>
                <span className="task-when">{h.roundEnds(round.daysLeft, formatDate(round.endsOn, locale))}</span>
                <RoundProgressText progress={round.progress} />
                {round.progress.complete ? null : (
                  <Link className="button-secondary task-action" to="/messages/new">
                    {h.compose}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{h.messagesHeading}</h3>
      <ul className="link-list">
        <li>
          <Link to="/messages">{tasks.unread > 0 ? h.unread(tasks.unread) : h.noUnread}</Link>
        </li>
        {tasks.thanks > 0 ? (
          <li>
            <Link to="/messages/sent">{h.thanks(tasks.thanks)}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

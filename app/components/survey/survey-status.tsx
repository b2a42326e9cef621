import "~/i18n/area/survey.client";
import { Link } from "@remix-run/react";
import { useEffect } from "react";
import type { DraftKey } from "~/domain/survey/answer-form";
import { useT } from "~/i18n/use-t";
import { forgetSavedAnswers } from "./saved-answers";

/** Why a survey cannot be answered (any more) by this person. */
export type SurveyUnavailable = "closed" | "answered" | "thanks" | "not_eligible";

/**
 * The page instead of the form. None of these states can use answers kept in the browser, so
 * they are forgotten here: after thanks, on a second attempt, or once the survey has closed.
 */
export function SurveyStatus({ draft, title, status }: { draft: DraftKey; title: string; status: SurveyUnavailable }) {
  const t = useT();
  useEffect(() => forgetSavedAnswers(draft), [draft]);
  const [heading, body] = {
    closed: [t.survey.closedTitle, t.survey.closedBody],
    answered: [t.survey.alreadyAnsweredTitle, t.survey.alreadyAnsweredBody],
    thanks: [t.survey.thanksTitle, t.survey.thanksBody],
    not_eligible: [t.survey.notEligibleTitle, t.survey.notEligibleBody],
  }[status];
  return (
    <>
      <p className="survey-title-line">{title}</p>
      <h1>{heading}</h1>
      <p className={status === "thanks" ? "notice" : undefined} role={status === "thanks" ? "status" : undefined}>
        {body}
      </p>
      <p>
        <Link to="/surveys">{t.survey.backToList}</Link>
      </p>
    </>
  );
}

import { Link } from "@remix-run/react";
import { useEffect } from "react";
import type { DraftKey, SurveyNotice } from "~/domain/survey/answer-form";
import { forgetSavedAnswers } from "./saved-answers";

/**
 * The page instead of the form, worded by the server. None of these states can use answers kept
 * in the browser, so they are forgotten here: after thanks, on a second attempt, or once the
 * survey has closed.
 */
export function SurveyStatus({ draft, title, notice, backToList }: { draft: DraftKey; title: string; notice: SurveyNotice; backToList: string }) {
  useEffect(() => forgetSavedAnswers(draft), [draft]);
  const thanks = notice.status === "thanks";
  return (
    <>
      <p className="survey-title-line">{title}</p>
      <h1>{notice.heading}</h1>
      <p className={thanks ? "notice" : undefined} role={thanks ? "status" : undefined}>
        {notice.body}
      </p>
      <p>
        <Link to="/surveys">{backToList}</Link>
      </p>
    </>
  );
}

/**
 * The server code the answering page (routes/surveys.$code) uses, imported through this one
 * module for the reason root.server.ts gives: in the browser build every `.server` import becomes
 * an empty module, and one shared with other routes becomes a chunk of its own that the survey
 * page would fetch. Through here they are one empty module, inlined into the route's chunk. The
 * same goes for what only the loader and action call (Remix's response helpers, date formatting,
 * the server's wording): imported by the route directly, a module shared with other pages would
 * still be fetched by the survey page for nothing.
 */
export { json, redirect } from "@remix-run/node";
export { fiscalYearLabel, formatDate } from "~/domain/dates";
export { anonymityNotice, answeringSections, problemMessages, surveyPageWords, unavailableNotice } from "~/domain/survey/answer-notices.server";
export { getLocale } from "~/i18n/locale.server";
export { draftKeyFor } from "~/models/draft-keys.server";
export { SubmissionRefused, answeringState, submitResponse } from "~/models/responses.server";
export { loadSurveyDefinition } from "~/models/surveys.server";
export { answerStepSchema, readAnswers } from "~/schemas/survey-answers.server";
export { requireUser } from "~/utils/auth.server";
export { getDb } from "~/utils/db.server";

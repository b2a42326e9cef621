/**
 * The server code the answering page (routes/surveys.$code) uses, imported through this one
 * module for the reason root.server.ts gives: in the browser build every `.server` import becomes
 * an empty module, and one shared with other routes becomes a chunk of its own that the survey
 * page would fetch. Through here they are one empty module, inlined into the route's chunk.
 */
export { getLocale } from "~/i18n/locale.server";
export { draftKeyFor } from "~/models/draft-keys.server";
export { SubmissionRefused, answeringState, submitResponse } from "~/models/responses.server";
export { loadSurveyDefinition } from "~/models/surveys.server";
export { answerStepSchema, readAnswers } from "~/schemas/survey-answers.server";
export { requireUser } from "~/utils/auth.server";

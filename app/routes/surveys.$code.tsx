import "~/i18n/area/common.client";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Link,
  type ShouldRevalidateFunction,
  isRouteErrorResponse,
  useActionData,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { Survey } from "#db/schema";
import type { Dictionary, Locale } from "~/i18n/dictionary";
import { AnsweringForm, type SurveySummary } from "~/components/survey/answering-form";
import { SurveyStatus } from "~/components/survey/survey-status";
import {
  INTRO_STEP,
  type SurveyUnavailable,
  clampStep,
  confirmStep,
  firstStepWithProblem,
  formSectionsFor,
  sectionProblems,
} from "~/domain/survey/answer-form";
import { type AnswerProblem, validateAnswers } from "~/domain/survey/answers";
import { useT } from "~/i18n/use-t";
import {
  SubmissionRefused,
  anonymityNotice,
  answerStepSchema,
  answeringSections,
  answeringState,
  draftKeyFor,
  fiscalYearLabel,
  formatDate,
  getDb,
  getLocale,
  json,
  loadSurveyDefinition,
  problemMessages,
  readAnswers,
  redirect,
  requireUser,
  submitResponse,
  surveyPageWords,
  unavailableNotice,
} from "~/survey-page.server";
import { dictionaryFor } from "~/i18n";

/*
 * The page is worded by its loader (surveyPageWords, and the notices and problems of
 * answer-notices.server): the browser loads no dictionary area of its own for it, only common.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.words.title ?? "Yell" }];

/** The signed-in person and a survey staff may see: open or closed, never a draft. */
async function requireVisibleSurvey(request: Request, code: string | undefined) {
  const [user, locale] = await Promise.all([requireUser(request), getLocale(request)]);
  const db = getDb();
  const definition = await loadSurveyDefinition(db, code ?? "");
  if (!definition || definition.survey.status === "draft") {
    // The error page links back to the list, in words its browser code does not carry.
    throw json({ backToList: dictionaryFor(locale).survey.backToList }, { status: 404 });
  }
  return { user, db, definition, locale };
}

/** What the page shows of the survey, worded here: the browser carries no date or era formatting. */
function summaryOf(survey: Survey, locale: Locale): SurveySummary {
  const ja = locale === "ja";
  return {
    code: survey.code,
    title: ja ? survey.title_ja : survey.title_en,
    intro: ja ? survey.intro_ja : survey.intro_en,
    fiscalYear: fiscalYearLabel(survey.fiscal_year, locale),
    deadline: dictionaryFor(locale).surveyList.closesOn(formatDate(survey.closes_on, locale)),
  };
}

/*
 * Survey pages hold a person's answers: like every page, they are sent with Cache-Control: no-store
 * (entry.server), so Back after sign-out shows nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, definition, locale } = await requireVisibleSurvey(request, params.code);
  const { survey } = definition;
  const t = dictionaryFor(locale);
  const draft = await draftKeyFor(db, user.id, survey.code);
  const unavailable = (state: SurveyUnavailable) => ({
    state,
    survey: summaryOf(survey, locale),
    draft,
    notice: unavailableNotice(state, t),
    words: surveyPageWords(0, t),
  });
  if (survey.status === "closed") return unavailable("closed");
  const { answered, employmentType } = await answeringState(db, survey.id, user.id);
  if (answered) return unavailable(new URL(request.url).searchParams.get("done") === "1" ? "thanks" : "answered");
  if (employmentType === null) return unavailable("not_eligible");
  const sections = answeringSections(definition.sections, employmentType, locale, t);
  return {
    state: "open" as const,
    survey: summaryOf(survey, locale),
    draft,
    employmentType,
    sections,
    anonymity: anonymityNotice(survey.min_group_size, sections, t),
    words: surveyPageWords(sections.length, t),
  };
}

/**
 * A step's answer (the next step, or problems) leaves what the loader gave unchanged, so it is not
 * loaded again after every step; a refusal, a failed post or the final redirect still reload it.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isStepAnswer(actionResult) ? false : defaultShouldRevalidate;

function isStepAnswer(result: unknown): boolean {
  return typeof result === "object" && result !== null && "step" in result;
}

const REFUSALS: Record<SubmissionRefused["reason"], { status: SurveyUnavailable; httpStatus: number }> = {
  not_open: { status: "closed", httpStatus: 409 },
  already_answered: { status: "answered", httpStatus: 409 },
  not_eligible: { status: "not_eligible", httpStatus: 403 },
};

function refused(reason: SubmissionRefused["reason"], t: Dictionary) {
  const { status, httpStatus } = REFUSALS[reason];
  return json({ refused: unavailableNotice(status, t) }, { status: httpStatus });
}

/**
 * One step of the form. Nothing is written before the final submit: "next" checks the section
 * just answered, "back" checks nothing, and both send every answer back for the next page.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, definition, locale } = await requireVisibleSurvey(request, params.code);
  const t = dictionaryFor(locale);
  const form = await request.formData();
  const parsed = answerStepSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw json({ reason: "bad request" }, { status: 400 });
  if (definition.survey.status !== "open") return refused("not_open", t);
  const { answered, employmentType } = await answeringState(db, definition.survey.id, user.id);
  if (answered) return refused("already_answered", t);
  if (employmentType === null) return refused("not_eligible", t);

  const sections = formSectionsFor(definition.sections, employmentType, locale);
  const answers = readAnswers(form, sections);
  const step = clampStep(parsed.data.step, sections);
  // The step to show with every answer so far; problems go to the page worded (400 when there are any).
  const nextPage = (to: number, problems: Readonly<Record<string, AnswerProblem>> = {}) =>
    json(
      { step: to, answers, problems: problemMessages(sections, problems, t) },
      { status: Object.keys(problems).length > 0 ? 400 : 200 },
    );

  if (parsed.data.intent === "back") return nextPage(Math.max(step - 1, INTRO_STEP));
  if (parsed.data.intent === "next") {
    const problems = step > INTRO_STEP ? sectionProblems(sections, step - 1, employmentType, answers) : {};
    return Object.keys(problems).length > 0 ? nextPage(step, problems) : nextPage(Math.min(step + 1, confirmStep(sections)));
  }

  const validation = validateAnswers(sections, employmentType, answers);
  if (!validation.ok) return nextPage(firstStepWithProblem(sections, validation.problems), validation.problems);
  try {
    await submitResponse(db, definition, user.id, validation.answers);
  } catch (error) {
    if (error instanceof SubmissionRefused) return refused(error.reason, t);
    throw error;
  }
  return redirect(`/surveys/${encodeURIComponent(definition.survey.code)}?done=1`);
}

export default function SurveyPage() {
  const data = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { survey, draft, words } = data;
  if (posted && "refused" in posted) {
    return <SurveyStatus draft={draft} title={survey.title} notice={posted.refused} backToList={words.backToList} />;
  }
  if (data.state !== "open") return <SurveyStatus draft={draft} title={survey.title} notice={data.notice} backToList={words.backToList} />;
  return (
    <AnsweringForm
      survey={survey}
      draft={draft}
      sections={data.sections}
      anonymity={data.anonymity}
      words={words}
      employmentType={data.employmentType}
      posted={posted ?? null}
    />
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  // The loader's data is there when the page had loaded and a post failed, not when the loader itself failed.
  const loaded = useRouteLoaderData<typeof loader>("routes/surveys.$code");
  const response = isRouteErrorResponse(error) ? error : null;
  if (response || !loaded) {
    const notFound = response?.status === 404;
    // Without them, a 404 of requireVisibleSurvey carries the link's words.
    const backToList: unknown = loaded?.words.backToList ?? response?.data?.backToList;
    return (
      <>
        <h1>{notFound ? t.common.notFoundTitle : t.common.errorTitle}</h1>
        <p>{notFound ? t.common.notFoundBody : t.common.errorBody}</p>
        {typeof backToList === "string" ? (
          <p>
            <Link to="/surveys">{backToList}</Link>
          </p>
        ) : null}
      </>
    );
  }
  // A post whose connection dropped on the way lands here (a known-offline browser is held back by
  // the form itself); the answers are still in this browser and come back when the survey reopens.
  const { survey, words } = loaded;
  return (
    <>
      <h1>{words.sendFailedTitle}</h1>
      <p>{words.sendFailedBody}</p>
      <p>
        {/* A full page load, so the survey starts afresh and restores the kept answers. */}
        <a href={`/surveys/${encodeURIComponent(survey.code)}`}>{words.reopenSurvey}</a>
      </p>
    </>
  );
}

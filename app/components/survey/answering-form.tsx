import { Form, useNavigation } from "@remix-run/react";
import { type FormEvent, useEffect, useState } from "react";
import { ErrorSummary } from "~/components/field-messages";
import {
  type AnonymityNotice,
  type FormSection,
  INTRO_STEP,
  type SurveyPageWords,
  carriedAnswers,
  type DraftKey,
  confirmStep,
  pickedById,
  questionPresence,
  resumeStep,
} from "~/domain/survey/answer-form";
import type { RawAnswers } from "~/domain/survey/answers";
import { AnswerSummary } from "./answer-summary";
import { QuestionField, questionAnchor } from "./question-field";
import { forgetSavedAnswers, readSavedAnswers, saveAnswers } from "./saved-answers";
import { SurveyProgress } from "./survey-progress";

export interface SurveySummary {
  code: string;
  /** Title, introduction, fiscal year and deadline in the reader's language, worded by the server. */
  title: string;
  intro: string;
  fiscalYear: string;
  deadline: string;
}

/** What the server answered to a step: where to go, all answers so far, and the problems on that step, worded. */
export interface PostedStep {
  step: number;
  answers: RawAnswers;
  /** Question code → what is wrong with its answer. */
  problems: Readonly<Record<string, string>>;
}

interface AnsweringFormProps {
  survey: SurveySummary;
  draft: DraftKey;
  sections: readonly FormSection[];
  employmentType: string;
  anonymity: AnonymityNotice;
  words: SurveyPageWords;
  posted: PostedStep | null;
}

/**
 * The survey, one step at a time. Every step is one plain form post carrying all answers (hidden
 * fields for the other steps), so it works without JavaScript. With it, answers are also kept in
 * this browser on every change and restored when the page is opened afresh.
 */
export function AnsweringForm({ survey, draft, sections, employmentType, anonymity, words, posted }: AnsweringFormProps) {
  const navigation = useNavigation();
  const [step, setStep] = useState(posted?.step ?? INTRO_STEP);
  const [answers, setAnswers] = useState<RawAnswers>(posted?.answers ?? {});
  // Each server answer replaces the form's state (adjusting state to a new prop during render).
  const [postedShown, setPostedShown] = useState(posted);
  if (posted !== postedShown) {
    setPostedShown(posted);
    setStep(posted?.step ?? INTRO_STEP);
    setAnswers(posted?.answers ?? {});
  }
  const [canReact, setCanReact] = useState(false);
  const [restored, setRestored] = useState(false);
  const [heldOffline, setHeldOffline] = useState(false);

  // After hydration, so the first render matches the server's HTML. A page answering a post (every
  // step's answer runs this again) already holds the latest answers; a fresh page may pick up kept ones.
  useEffect(() => {
    setCanReact(true);
    if (posted) return;
    void readSavedAnswers(draft).then((saved) => {
      if (!saved) return;
      setAnswers(saved);
      setStep(resumeStep(sections, employmentType, saved));
      setRestored(true);
    });
  }, [posted, draft, sections, employmentType]);

  const lastStep = confirmStep(sections);
  const sectionIndex = step > INTRO_STEP && step < lastStep ? step - 1 : null;
  const section = sectionIndex === null ? undefined : sections[sectionIndex];
  const known = pickedById(sections, employmentType, answers);
  const problems = posted && posted.step === step ? posted.problems : {};
  const submitting = navigation.state === "submitting";

  function rememberAnswers(event: FormEvent<HTMLFormElement>) {
    if (!section) return;
    const form = new FormData(event.currentTarget);
    const updated: Record<string, readonly string[]> = { ...answers };
    for (const question of section.questions) {
      const values = form.getAll(question.code).filter((value): value is string => typeof value === "string" && value !== "");
      if (values.length > 0) updated[question.code] = values;
      else delete updated[question.code];
    }
    setAnswers(updated);
    saveAnswers(draft, updated);
  }

  // Sending while the browser knows it is offline would end on an error page; the form stays instead.
  function holdWhileOffline(event: FormEvent<HTMLFormElement>) {
    const offline = !navigator.onLine;
    setHeldOffline(offline);
    if (offline) event.preventDefault();
  }

  function clearRestored() {
    forgetSavedAnswers(draft);
    setAnswers({});
    setStep(INTRO_STEP);
    setRestored(false);
  }

  const shownQuestions = section
    ? section.questions.flatMap((question) => {
        const presence = questionPresence(question, section, employmentType, known, canReact);
        return presence === "skipped" ? [] : [{ question, note: presence === "conditional" ? question.followUpNote : undefined }];
      })
    : [];
  const summaryErrors = Object.fromEntries(
    shownQuestions.flatMap(({ question }) => {
      const problem = problems[question.code];
      return problem ? [[questionAnchor(question), problem]] : [];
    }),
  );
  const summaryLabels = Object.fromEntries(
    shownQuestions.map(({ question }) => [questionAnchor(question), `${question.code} ${question.text}`]),
  );

  return (
    <>
      <h1>{survey.title}</h1>
      <p className="survey-meta">
        {survey.fiscalYear} ・ {survey.deadline}
      </p>
      <SurveyProgress step={step} steps={words.steps} label={words.progressLabel} />
      {restored ? (
        <div className="notice survey-restored" role="status">
          <p>{words.restored}</p>
          <button type="button" className="button-secondary" onClick={clearRestored}>
            {words.clearRestored}
          </button>
        </div>
      ) : null}
      {heldOffline ? (
        <p className="warning" role="alert">
          {words.offlineHeld}
        </p>
      ) : null}
      <ErrorSummary errors={summaryErrors} labels={summaryLabels} />
      <Form method="post" noValidate className="survey-form" onChange={rememberAnswers} onSubmit={holdWhileOffline}>
        <input type="hidden" name="step" value={step} />
        {carriedAnswers(sections, answers, sectionIndex).map(([name, value], index) => (
          <input type="hidden" key={`${name}-${index}`} name={name} value={value} />
        ))}

        {step === INTRO_STEP ? (
          <section aria-labelledby="survey-step-heading">
            <h2 id="survey-step-heading">{words.steps[INTRO_STEP]}</h2>
            <p>{survey.intro}</p>
            <h3>{anonymity.heading}</h3>
            <ul>
              {anonymity.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </section>
        ) : section ? (
          <section aria-labelledby="survey-step-heading">
            <h2 id="survey-step-heading">{section.title}</h2>
            {shownQuestions.map(({ question, note }) => (
              <QuestionField
                key={question.code}
                question={question}
                values={answers[question.code] ?? []}
                error={problems[question.code]}
                note={note}
              />
            ))}
          </section>
        ) : (
          <section aria-labelledby="survey-step-heading">
            <h2 id="survey-step-heading">{words.steps[lastStep]}</h2>
            <p>{words.confirmIntro}</p>
            <AnswerSummary sections={sections} employmentType={employmentType} answers={answers} known={known} words={words} />
          </section>
        )}

        {/* The forward button comes first: pressing Enter in the form uses the first button. */}
        <div className="survey-actions">
          {step === lastStep ? (
            <button type="submit" name="intent" value="submit" className="button-primary" disabled={submitting}>
              {submitting ? words.submitting : words.submit}
            </button>
          ) : (
            <button type="submit" name="intent" value="next" className="button-primary">
              {step === INTRO_STEP ? words.start : words.next}
            </button>
          )}
          {step > INTRO_STEP ? (
            <button type="submit" name="intent" value="back" className="button-secondary">
              {words.back}
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}

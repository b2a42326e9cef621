import type { FormQuestion, FormSection, SurveyPageWords } from "~/domain/survey/answer-form";
import { type Answer, type RawAnswers, isQuestionShown } from "~/domain/survey/answers";

interface AnswerSummaryProps {
  sections: readonly FormSection[];
  employmentType: string;
  answers: RawAnswers;
  known: ReadonlyMap<number, Answer>;
  words: Pick<SurveyPageWords, "notAnswered" | "choiceSeparator">;
}

/** The answers about to be submitted, section by section, as the person chose them. */
export function AnswerSummary({ sections, employmentType, answers, known, words }: AnswerSummaryProps) {
  const answerText = (question: FormQuestion): string => {
    const values = answers[question.code] ?? [];
    if (values.length === 0) return words.notAnswered;
    if (question.type === "free_text") return values.join("\n");
    return question.options
      .filter((option) => values.includes(String(option.value)))
      .map((option) => option.label)
      .join(words.choiceSeparator);
  };
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} className="survey-summary">
          <h3>{section.title}</h3>
          <dl>
            {section.questions
              .filter((question) => isQuestionShown(question, employmentType, known))
              .map((question) => (
                <div key={question.code}>
                  <dt>
                    <span className="question-code">{question.code}</span> {question.text}
                  </dt>
                  <dd>{answerText(question)}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  );
}

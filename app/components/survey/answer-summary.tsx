import "~/i18n/area/survey.client";
import { type FormQuestion, type FormSection } from "~/domain/survey/answer-form";
import { type Answer, type RawAnswers, isQuestionShown } from "~/domain/survey/answers";
import { useT } from "~/i18n/use-t";

interface AnswerSummaryProps {
  sections: readonly FormSection[];
  employmentType: string;
  answers: RawAnswers;
  known: ReadonlyMap<number, Answer>;
}

/** The answers about to be submitted, section by section, as the person chose them. */
export function AnswerSummary({ sections, employmentType, answers, known }: AnswerSummaryProps) {
  const t = useT();
  const answerText = (question: FormQuestion): string => {
    const values = answers[question.code] ?? [];
    if (values.length === 0) return t.survey.notAnswered;
    if (question.type === "free_text") return values.join("\n");
    return question.options
      .filter((option) => values.includes(String(option.value)))
      .map((option) => option.label)
      .join(t.survey.choiceSeparator);
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

import "~/i18n/area/common.client";
import { type ChangeEvent, useState } from "react";
import { FieldMessages } from "~/components/field-messages";
import type { FormQuestion } from "~/domain/survey/answer-form";
import { FREE_TEXT_MAX_LENGTH } from "~/domain/survey/answer-limits";
import { useT } from "~/i18n/use-t";

/**
 * The id suffix of a question's first control (ErrorSummary links to `#field-<suffix>`): the
 * text box of a free-text question, the first option of the others.
 */
export function questionAnchor(question: FormQuestion): string {
  const first = question.options[0];
  return question.type === "free_text" || !first ? question.code : `${question.code}-${first.value}`;
}

interface QuestionFieldProps {
  question: FormQuestion;
  /** The answer so far, as posted: option values or the text. */
  values: readonly string[];
  error: string | undefined;
  /** Says whom a follow-up is for when the page cannot hide it (no scripts yet). */
  note: string | undefined;
}

/**
 * One question: a group of radio buttons (rating, single choice), of checkboxes (multiple
 * choice) or a text box (free text). Controls are uncontrolled with the answer so far as their
 * default, so the form works the same before, after and without hydration.
 */
export function QuestionField({ question, values, error, note }: QuestionFieldProps) {
  const t = useT();
  const id = `question-${question.code}`;
  const [limitReached, setLimitReached] = useState(false);
  const maxChoices = question.type === "multiple_choice" ? question.maxChoices : null;
  // With scripts, a pick beyond "up to N" is undone at once and explained (limitMessage); the server checks again.
  const enforceLimit = (event: ChangeEvent<HTMLInputElement>) => {
    if (maxChoices === null) return;
    const picked = event.currentTarget.closest("fieldset")?.querySelectorAll("input:checked").length ?? 0;
    if (event.currentTarget.checked && picked > maxChoices) event.currentTarget.checked = false;
    setLimitReached(event.currentTarget.checked === false && picked > maxChoices);
  };
  const hint = question.hint;
  const describedBy = [note ? `${id}-note` : null, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const heading = (
    <>
      <span className="question-code">{question.code}</span> {question.text}
      {question.required ? <span className="field-required"> ({t.common.required})</span> : null}
    </>
  );
  const descriptions = (
    <>
      {note ? (
        <p className="field-hint" id={`${id}-note`}>
          {note}
        </p>
      ) : null}
      <FieldMessages id={id} hint={hint} error={error} />
      {maxChoices !== null ? (
        <p className="field-error" role="status">
          {limitReached ? question.limitMessage : null}
        </p>
      ) : null}
    </>
  );

  if (question.type === "free_text") {
    const fieldId = `field-${questionAnchor(question)}`;
    return (
      <div className={error ? "field survey-question field-invalid" : "field survey-question"}>
        <label htmlFor={fieldId}>{heading}</label>
        {descriptions}
        <textarea
          id={fieldId}
          name={question.code}
          rows={5}
          maxLength={FREE_TEXT_MAX_LENGTH}
          defaultValue={values.join("\n")}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
    );
  }

  const inputType = question.type === "multiple_choice" ? "checkbox" : "radio";
  return (
    <fieldset
      className={error ? "survey-question field-invalid" : "survey-question"}
      id={id}
      aria-describedby={describedBy || undefined}
    >
      <legend>{heading}</legend>
      {descriptions}
      <div className="survey-options">
        {question.options.map((option) => {
          const optionId = `field-${question.code}-${option.value}`;
          return (
            <div className="survey-option" key={option.value}>
              <input
                type={inputType}
                id={optionId}
                name={question.code}
                value={option.value}
                defaultChecked={values.includes(String(option.value))}
                onChange={maxChoices === null ? undefined : enforceLimit}
              />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

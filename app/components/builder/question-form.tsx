import "~/i18n/area/builder.client";
import { Form } from "@remix-run/react";
import { ErrorSummary, TextAreaField, TextField } from "~/components/form-fields";
import { QUESTION_TYPES, type QuestionType, isRatingQuestionType } from "~/domain/survey/scales";
import { useLocalisedText, useT } from "~/i18n/use-t";
import { type BuilderFormResult, EligibilityField, type EmploymentTypeOption } from "./fields";

export interface QuestionFormValues {
  code: string;
  type: QuestionType;
  textJa: string;
  textEn: string;
  required: boolean;
  options: string;
  maxChoices: string;
  eligibility: string[];
  showIfQuestion: string;
  showIfValues: string;
}

/** An earlier question a follow-up may depend on, with its answers' numbers. */
export interface TriggerChoice {
  id: number;
  code: string;
  text_ja: string;
  text_en: string;
  options: { value: number; label_ja: string; label_en: string }[];
}

interface QuestionFormProps {
  initial: QuestionFormValues;
  types: EmploymentTypeOption[];
  triggers: TriggerChoice[];
  hasKpi: boolean;
  posted: BuilderFormResult | undefined;
}

/**
 * Every setting of a question in one plain form: options as lines of text and the follow-up's
 * answers as numbers, so it works the same without JavaScript.
 */
export function QuestionForm({ initial, types, triggers, hasKpi, posted }: QuestionFormProps) {
  const t = useT();
  const b = t.builder;
  const localised = useLocalisedText();
  const errors = posted?.errors;
  const value = (name: Exclude<keyof QuestionFormValues, "required" | "eligibility" | "type">) => posted?.values[name] ?? initial[name];
  const type = posted?.values.type ?? initial.type;
  const required = posted ? posted.values.required === "on" : initial.required;
  const showIfQuestion = value("showIfQuestion");
  const labels = {
    code: b.code,
    type: b.type,
    textJa: b.textJa,
    textEn: b.textEn,
    options: b.options,
    maxChoices: b.maxChoices,
    eligibility: b.eligibility,
    showIfQuestion: b.showIfQuestion,
    showIfValues: b.showIfValues,
  };
  return (
    <Form method="post" noValidate className="builder-form">
      <ErrorSummary errors={errors} labels={labels} />
      <TextField name="code" label={b.code} hint={b.codeHint} required maxLength={16} autoComplete="off" defaultValue={value("code")} error={errors?.code} />
      <fieldset className={errors?.type ? "builder-fieldset field-invalid" : "builder-fieldset"} aria-describedby={errors?.type ? "field-type-error" : hasKpi ? "type-kpi-note" : undefined}>
        <legend>{b.type}</legend>
        {hasKpi ? (
          <p className="field-hint" id="type-kpi-note">
            {b.kpiTypeNote}
          </p>
        ) : null}
        {errors?.type ? (
          <p className="field-error" id="field-type-error">
            {errors.type}
          </p>
        ) : null}
        {QUESTION_TYPES.map((option, index) => (
          <label className="choice" key={option}>
            <input
              type="radio"
              name="type"
              value={option}
              id={index === 0 ? "field-type" : undefined}
              defaultChecked={type === option}
              disabled={hasKpi && !isRatingQuestionType(option)}
            />
            {b.typeNames[option]}
          </label>
        ))}
      </fieldset>
      <TextAreaField name="textJa" label={b.textJa} required rows={2} maxLength={500} defaultValue={value("textJa")} error={errors?.textJa} />
      <TextAreaField name="textEn" label={b.textEn} hint={b.titleEnHint} required rows={2} maxLength={500} defaultValue={value("textEn")} error={errors?.textEn} />
      <div className="field choice">
        <input type="checkbox" id="field-required" name="required" defaultChecked={required} aria-describedby="field-required-hint" />
        <label htmlFor="field-required">{b.required}</label>
      </div>
      <p className="field-hint builder-after-choice" id="field-required-hint">
        {b.requiredHint}
      </p>
      <TextAreaField
        name="options"
        label={b.options}
        hint={b.optionsHint}
        rows={6}
        placeholder={"はい | Yes\nいいえ | No"}
        defaultValue={value("options")}
        error={errors?.options}
      />
      <TextField name="maxChoices" label={b.maxChoices} hint={b.maxChoicesHint} inputMode="numeric" size={4} defaultValue={value("maxChoices")} error={errors?.maxChoices} />
      <EligibilityField types={types} checked={posted ? posted.eligibility : initial.eligibility} error={errors?.eligibility} />
      <fieldset className="builder-fieldset" aria-describedby="follow-up-hint">
        <legend>{b.followUpLegend}</legend>
        <p className="field-hint" id="follow-up-hint">
          {b.followUpHint}
        </p>
        <div className={errors?.showIfQuestion ? "field field-invalid" : "field"}>
          <label htmlFor="field-showIfQuestion">{b.showIfQuestion}</label>
          {errors?.showIfQuestion ? (
            <p className="field-error" id="field-showIfQuestion-error">
              {errors.showIfQuestion}
            </p>
          ) : null}
          <select
            id="field-showIfQuestion"
            name="showIfQuestion"
            defaultValue={showIfQuestion}
            aria-invalid={errors?.showIfQuestion ? true : undefined}
            aria-describedby={errors?.showIfQuestion ? "field-showIfQuestion-error" : undefined}
          >
            <option value="">{b.noTrigger}</option>
            {triggers.map((trigger) => (
              <option key={trigger.id} value={trigger.id}>
                {trigger.code} {localised(trigger.text_ja, trigger.text_en)}
              </option>
            ))}
          </select>
        </div>
        <TextField name="showIfValues" label={b.showIfValues} hint={b.showIfValuesHint} autoComplete="off" defaultValue={value("showIfValues")} error={errors?.showIfValues} />
        {triggers.length > 0 ? (
          <details className="builder-triggers">
            <summary>{b.triggerValuesList}</summary>
            <dl>
              {triggers.map((trigger) => (
                <div key={trigger.id}>
                  <dt>
                    {trigger.code} {localised(trigger.text_ja, trigger.text_en)}
                  </dt>
                  <dd>{trigger.options.map((o) => `${o.value} = ${localised(o.label_ja, o.label_en)}`).join("、")}</dd>
                </div>
              ))}
            </dl>
          </details>
        ) : null}
      </fieldset>
      <button type="submit" className="button-primary">
        {b.saveQuestion}
      </button>
    </Form>
  );
}

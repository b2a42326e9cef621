import "~/i18n/area/builder.client";
import { useLocalisedText, useT } from "~/i18n/use-t";

export interface EmploymentTypeOption {
  code: string;
  name_ja: string;
  name_en: string;
}

/** What a builder form action answers when it refuses: messages per field and what was typed. */
export interface BuilderFormResult {
  errors: Record<string, string>;
  values: Record<string, string>;
  eligibility: string[];
}

/** Employment-type checkboxes; none ticked means everyone. */
export function EligibilityField({ types, checked, error }: { types: readonly EmploymentTypeOption[]; checked: readonly string[]; error?: string | undefined }) {
  const t = useT();
  const localised = useLocalisedText();
  return (
    <fieldset className={error ? "builder-fieldset field-invalid" : "builder-fieldset"} aria-describedby="eligibility-hint">
      <legend>{t.builder.eligibility}</legend>
      <p className="field-hint" id="eligibility-hint">
        {t.builder.eligibilityHint}
      </p>
      {error ? (
        <p className="field-error" id="field-eligibility-error">
          {error}
        </p>
      ) : null}
      <div className="choice-row">
        {types.map((type, index) => (
          <label className="choice" key={type.code}>
            <input
              type="checkbox"
              name="eligibility"
              value={type.code}
              id={index === 0 ? "field-eligibility" : undefined}
              defaultChecked={checked.includes(type.code)}
            />
            {localised(type.name_ja, type.name_en)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FormProblem({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error-summary" role="alert">
      {message}
    </p>
  );
}

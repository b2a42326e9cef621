import "~/i18n/area/common.client";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";
import { FieldMessages } from "./field-messages";

// Pages with hand-made fields (the survey form) import these two from field-messages directly.
export { ErrorSummary, FieldMessages } from "./field-messages";

interface FieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/**
 * The label, hint and error around one control, and the attributes that tie them to it, so
 * every field announces its hint and error the same way.
 */
function LabelledField({
  name,
  label,
  hint,
  error,
  required,
  control,
}: FieldProps & { required: boolean | undefined; control: (a11y: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> ({t.common.required})</span> : null}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {control({ id, ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
    </div>
  );
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id">;

/** A labelled input whose error and hint are announced with it. */
export function TextField({ name, label, hint, error, required, ...input }: TextFieldProps) {
  return (
    <LabelledField
      name={name}
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(a11y) => <input name={name} required={required} {...a11y} {...input} />}
    />
  );
}

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

/** A labelled textarea whose error and hint are announced with it. */
export function TextAreaField({ name, label, hint, error, required, ...textarea }: TextAreaFieldProps) {
  return (
    <LabelledField
      name={name}
      label={label}
      hint={hint}
      error={error}
      required={required}
      control={(a11y) => <textarea name={name} required={required} {...a11y} {...textarea} />}
    />
  );
}

import type { InputHTMLAttributes } from "react";
import { useT } from "~/i18n/use-t";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

/** A labelled input whose error and hint are announced with it. */
export function TextField({ name, label, hint, error, required, ...input }: TextFieldProps) {
  const t = useT();
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> ({t.common.required})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

/** Lists a failed form's problems at the top, each linked to its field. */
export function ErrorSummary({ errors, labels }: { errors: Record<string, string> | undefined; labels: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p>{t.common.formHasErrors(entries.length)}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            {labels[field] ? <a href={`#field-${field}`}>{labels[field]}</a> : null}
            {labels[field] ? ": " : null}
            {message}
          </li>
        ))}
      </ul>
    </div>
  );
}

import "~/i18n/area/common.client";
import { useT } from "~/i18n/use-t";

/**
 * A field's hint and error, with the ids its control's aria-describedby names
 * (`<id>-hint`, `<id>-error`).
 */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | null | undefined; error?: string | undefined }) {
  return (
    <>
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
    </>
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

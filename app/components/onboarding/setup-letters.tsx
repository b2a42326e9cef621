import "~/i18n/area/onboarding.client";
import { formatEraDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";

export interface PrintableLetter {
  employeeNumber: string;
  name: string;
  unit: string;
  code: string;
  expiresAt: string;
}

/** One A4 page per person when printed: name, unit, code, where to use it and until when. */
export function SetupLetters({ letters, setupUrl }: { letters: PrintableLetter[]; setupUrl: string }) {
  const t = useT();
  const l = t.onboarding.letter;
  const locale = useLocale();
  return (
    <section aria-label={t.onboarding.lettersLabel}>
      {letters.map((letter) => (
        <article key={letter.employeeNumber} className="setup-letter" aria-labelledby={`letter-${letter.employeeNumber}`}>
          <h2 id={`letter-${letter.employeeNumber}`}>{l.heading}</h2>
          <p>{l.greeting(letter.name)}</p>
          <p>{l.body}</p>
          <dl>
            <dt>{l.unit}</dt>
            <dd>{letter.unit}</dd>
            <dt>{l.employeeNumber}</dt>
            <dd>{letter.employeeNumber}</dd>
            <dt>{l.code}</dt>
            <dd>
              <span className="code-display">{letter.code}</span>
            </dd>
            <dt>{l.url}</dt>
            <dd>{setupUrl}</dd>
            <dt>{l.expires}</dt>
            <dd>{formatEraDateTime(letter.expiresAt, locale)}</dd>
          </dl>
          <p>{l.keepSecret}</p>
        </article>
      ))}
    </section>
  );
}

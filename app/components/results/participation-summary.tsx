import "~/i18n/area/results.client";
import { useLocale, useT } from "~/i18n/use-t";
import { DepartmentRatesTable } from "./department-rates-table";
import { formatCount, formatShare } from "./figures";

interface Participation {
  respondents: number;
  eligible: number;
  responseRate: number | null;
  departmentRates: readonly { department: string; eligible: number; respondents: number; rate: number | null }[];
}

/** Who has answered: counts and rates against the staff eligible when the survey opened. */
export function ParticipationSummary({ participation }: { participation: Participation }) {
  const t = useT();
  const locale = useLocale();
  const s = t.results.summary;
  const people = (count: number) => s.people(formatCount(count, locale));
  // Eligible staff are counted when a survey opens; one loaded only with past answers has no count.
  const eligibleRecorded = participation.departmentRates.length > 0;
  return (
    <section aria-labelledby="participation-heading">
      <h2 id="participation-heading">{s.heading}</h2>
      <dl className="figures">
        <div>
          <dt>{s.respondents}</dt>
          <dd>{people(participation.respondents)}</dd>
        </div>
        <div>
          <dt>{s.eligible}</dt>
          <dd>{eligibleRecorded ? people(participation.eligible) : "—"}</dd>
        </div>
        <div>
          <dt>{s.responseRate}</dt>
          <dd>{formatShare(participation.responseRate)}</dd>
        </div>
      </dl>
      {eligibleRecorded ? (
        <DepartmentRatesTable caption={s.departmentCaption} rows={participation.departmentRates} />
      ) : (
        <p>{s.noEligible}</p>
      )}
    </section>
  );
}

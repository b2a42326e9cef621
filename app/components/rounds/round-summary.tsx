import "~/i18n/area/rounds.client";
import type { Locale } from "~/i18n";
import { formatDate } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { formatCount } from "~/components/results/figures";

interface RoundSummaryProps {
  round: {
    starts_on: string;
    ends_on: string;
    status: "open" | "closed";
    expected_per_participant: number;
    require_supervisor: number;
  };
  participants: number;
}

/** A round's terms as HR set them. */
export function RoundSummary({ round, participants }: RoundSummaryProps) {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds;
  return (
    <dl className="summary-list">
      <dt>{r.period}</dt>
      <dd>
        <RoundPeriod startsOn={round.starts_on} endsOn={round.ends_on} />
      </dd>
      <dt>{r.status}</dt>
      <dd>{r.statusNames[round.status]}</dd>
      <dt>{r.participants}</dt>
      <dd>{r.people(formatCount(participants, locale))}</dd>
      <dt>{r.expected}</dt>
      <dd>{round.expected_per_participant}</dd>
      <dt>{r.requireSupervisor}</dt>
      <dd>{round.require_supervisor === 1 ? r.requireSupervisorAsked : r.requireSupervisorNotAsked}</dd>
    </dl>
  );
}

export function RoundPeriod({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const t = useT();
  const locale = useLocale();
  return <>{t.rounds.periodRange(formatDate(startsOn, locale), formatDate(endsOn, locale))}</>;
}

/** The round's name in the reader's language. */
export function roundTitle(round: { title_ja: string; title_en: string }, locale: Locale): string {
  return locale === "ja" ? round.title_ja : round.title_en;
}

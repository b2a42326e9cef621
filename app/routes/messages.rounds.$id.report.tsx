import "~/i18n/area/rounds.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundProgressText } from "~/components/rounds/round-progress";
import { RoundPeriod, roundTitle } from "~/components/rounds/round-summary";
import { StrengthsReport } from "~/components/rounds/strengths-report";
import { useLocale, useT } from "~/i18n/use-t";
import { participantProgress, strengthsReport } from "~/models/rounds.server";
import { parseRoundId } from "~/schemas/rounds.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.rounds.report.title);

/** Only the signed-in participant's own report: anyone else's, or a round they are not in, is a 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const roundId = parseRoundId(params.id);
  const outcome = roundId === null ? null : await strengthsReport(getDb(), roundId, user.id);
  if (!outcome || outcome.status === "not_participant") throw json({ reason: "not_found" }, { status: 404 });
  const { round } = outcome;
  const summary = { id: round.id, title_ja: round.title_ja, title_en: round.title_en, starts_on: round.starts_on, ends_on: round.ends_on };
  if (outcome.status === "open") {
    return json({ name: user.name, round: summary, progress: await participantProgress(getDb(), round.id, user.id), report: null, tags: [] });
  }
  return json({ name: user.name, round: summary, progress: null, report: outcome.report, tags: outcome.tags });
}

export default function StrengthsReportPage() {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds.report;
  const { name, round, progress, report, tags } = useLoaderData<typeof loader>();
  return (
    <article className="round-report">
      <p className="round-screen-only">
        <Link to="/messages/rounds">{r.backToRounds}</Link>
      </p>
      <h1>{r.title}</h1>
      <p className="round-report-heading">
        {roundTitle(round, locale)}
        <br />
        <RoundPeriod startsOn={round.starts_on} endsOn={round.ends_on} />
        <br />
        {r.forPerson(name)}
      </p>
      {report ? (
        <>
          <p className="field-hint round-screen-only">{r.printHint}</p>
          <StrengthsReport report={report} tags={tags} />
        </>
      ) : (
        <>
          <p className="notice">{r.notYet}</p>
          {progress ? <RoundProgressText progress={progress} /> : null}
        </>
      )}
    </article>
  );
}

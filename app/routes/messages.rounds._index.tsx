import "~/i18n/area/messages.client";
import "~/i18n/area/rounds.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoundProgressText } from "~/components/rounds/round-progress";
import { RoundPeriod, roundTitle } from "~/components/rounds/round-summary";
import { useLocale, useT } from "~/i18n/use-t";
import { listParticipantRounds } from "~/models/rounds.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.rounds.mine.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ rounds: await listParticipantRounds(getDb(), user.id) });
}

export default function MyRounds() {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds;
  const { rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/messages">{t.messages.title}</Link>
      </p>
      <h1>{r.mine.title}</h1>
      <p>{r.mine.intro}</p>
      {rounds.length === 0 ? (
        <p>{r.mine.none}</p>
      ) : (
        <ul className="round-list">
          {rounds.map((round) => (
            <li key={round.id} className="round-card">
              <h2>{roundTitle(round, locale)}</h2>
              <p className="round-meta">
                <RoundPeriod startsOn={round.starts_on} endsOn={round.ends_on} /> <span className="badge">{r.statusNames[round.status]}</span>
              </p>
              <RoundProgressText progress={round.progress} />
              {round.status === "closed" ? (
                <p>
                  <Link to={`/messages/rounds/${round.id}/report`}>{r.mine.report}</Link>
                </p>
              ) : (
                <p>
                  {r.mine.reportAfterClose} <Link to="/messages/new">{r.mine.compose}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

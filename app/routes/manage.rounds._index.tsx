import "~/i18n/area/rounds.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CreateRoundForm } from "~/components/rounds/create-round-form";
import { RoundPeriod, roundTitle } from "~/components/rounds/round-summary";
import { formatCount } from "~/components/results/figures";
import { tokyoDate } from "~/domain/dates";
import { DEFAULT_EXPECTED_PER_PARTICIPANT } from "~/domain/rounds";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { RoundError, createRound, listRounds, listTopDepartments } from "~/models/rounds.server";
import { MAX_EXPECTED_PER_PARTICIPANT, parseCreateRound, roundFormValues } from "~/schemas/rounds.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.rounds.title);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const [rounds, departments] = await Promise.all([listRounds(getDb()), listTopDepartments(getDb())]);
  return json({
    rounds,
    departments,
    defaults: { startsOn: tokyoDate(new Date()), expected: DEFAULT_EXPECTED_PER_PARTICIPANT },
    maxExpected: MAX_EXPECTED_PER_PARTICIPANT,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const t = await getT(request);
  const form = await request.formData();
  const parsed = parseCreateRound(form, t);
  if (!parsed.ok) return formError(parsed);
  const { scope, departments, ...round } = parsed.data;
  try {
    const id = await createRound(
      getDb(),
      { ...round, departments: scope === "all" ? "all" : departments },
      { id: user.id, label: user.employeeNumber },
    );
    return redirect(`/manage/rounds/${id}?created=1`);
  } catch (error) {
    if (error instanceof RoundError && error.reason === "no_participants") {
      return formError({ errors: { departments: t.rounds.create.noParticipants }, values: roundFormValues(form) });
    }
    throw error;
  }
}

export default function ManageRounds() {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds;
  const { rounds, departments, defaults, maxExpected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{r.title}</h1>
      <p>{r.intro}</p>
      <p>
        <Link to="/manage/analytics">{r.analyticsLink}</Link>
      </p>
      {rounds.length === 0 ? (
        <p>{r.list.noRounds}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>{r.list.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{r.list.round}</th>
                <th scope="col">{r.period}</th>
                <th scope="col">{r.status}</th>
                <th scope="col" className="num">
                  {r.participants}
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <td>
                    <Link to={`/manage/rounds/${round.id}`}>{roundTitle(round, locale)}</Link>
                  </td>
                  <td>
                    <RoundPeriod startsOn={round.starts_on} endsOn={round.ends_on} />
                  </td>
                  <td>{r.statusNames[round.status]}</td>
                  <td className="num">{formatCount(round.participants, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateRoundForm
        departments={departments}
        defaults={defaults}
        maxExpected={maxExpected}
        errors={actionData?.errors}
        values={actionData?.values}
      />
    </>
  );
}

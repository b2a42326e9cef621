import "~/i18n/area/rounds.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CoverageTable } from "~/components/rounds/coverage-table";
import { RoundSummary, roundTitle } from "~/components/rounds/round-summary";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { RoundError, closeRound, coverage, findRound } from "~/models/rounds.server";
import { parseRoundId } from "~/schemas/rounds.server";
import { HR_ROLES, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.rounds.title);

async function roundOr404(rawId: string | undefined) {
  const id = parseRoundId(rawId);
  const round = id === null ? undefined : await findRound(getDb(), id);
  if (!round) throw json({ reason: "not_found" }, { status: 404 });
  return round;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, HR_ROLES);
  const round = await roundOr404(params.id);
  return json({ round, coverage: (await coverage(getDb(), round.id))! });
}

/** The page's one action: closing the round. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, HR_ROLES);
  const round = await roundOr404(params.id);
  try {
    await closeRound(getDb(), round.id, { id: user.id, label: user.employeeNumber });
  } catch (error) {
    if (error instanceof RoundError && error.reason === "not_open") {
      return formError({ errors: { form: (await getT(request)).rounds.detail.notOpen }, values: {} });
    }
    throw error;
  }
  return redirect(`/manage/rounds/${round.id}?closed=1`);
}

export default function ManageRound() {
  const t = useT();
  const locale = useLocale();
  const r = t.rounds;
  const { round, coverage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const params = new URLSearchParams(useLocation().search);
  const notice = params.get("created") === "1" ? r.create.created : params.get("closed") === "1" ? r.detail.closed : null;
  return (
    <>
      <p>
        <Link to="/manage/rounds">{r.detail.backToList}</Link>
      </p>
      <h1>{roundTitle(round, locale)}</h1>
      {notice && !actionData ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {actionData?.errors.form ? (
        <p className="error-summary" role="alert">
          {actionData.errors.form}
        </p>
      ) : null}
      <RoundSummary round={round} participants={coverage.participants} />
      {round.status === "open" ? (
        <Form method="post" className="toolbar">
          <p className="warning">{r.detail.closeWarning}</p>
          <button type="submit" className="button-secondary">
            {r.detail.close}
          </button>
        </Form>
      ) : null}
      <CoverageTable coverage={coverage} expected={round.expected_per_participant} />
    </>
  );
}

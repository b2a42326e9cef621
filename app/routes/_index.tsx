import "~/i18n/area/common.client";
import "~/i18n/area/home.client";
import "~/i18n/area/notifications.client";
import "~/i18n/area/auth.client";
import "~/i18n/area/unitResults.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FirstRun } from "~/components/home/first-run";
import { HrOverview } from "~/components/home/hr-overview";
import { StaffTasks } from "~/components/home/staff-tasks";
import { useT } from "~/i18n/use-t";
import { hrOverview, needsFirstAdmin, staffTasks } from "~/models/home.server";
import { headedUnits } from "~/models/unit-heads.server";
import { HR_ROLES, getUser, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.common.home);

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  if (!(await getUser(request))) {
    const firstRun = await needsFirstAdmin(db);
    if (firstRun.needed) return json({ page: "first_run" as const, hasStaff: firstRun.hasStaff });
  }
  const user = await requireUser(request);
  const isHr = HR_ROLES.includes(user.role);
  const [tasks, overview, headed] = await Promise.all([
    staffTasks(db, user.id),
    isHr ? hrOverview(db, { isAdmin: user.role === "admin" }) : null,
    headedUnits(db, user.id),
  ]);
  return json({ page: "home" as const, name: user.name, tasks, overview, headsUnits: headed.length > 0 });
}

export default function Home() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (data.page === "first_run") return <FirstRun hasStaff={data.hasStaff} />;
  return (
    <>
      <h1>{t.auth.welcome(data.name)}</h1>
      <div className="home-grid">
        <StaffTasks tasks={data.tasks} />
        {data.overview ? <HrOverview overview={data.overview} /> : null}
      </div>
      <h2>{t.home.accountHeading}</h2>
      <ul className="link-list">
        {data.headsUnits ? (
          <li>
            <Link to="/unit-results">{t.unitResults.listTitle}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/notifications">{t.notifications.title}</Link>
        </li>
        <li>
          <Link to="/settings/notifications">{t.notifications.settingsLink}</Link>
        </li>
        <li>
          <Link to="/account/password">{t.auth.changePasswordTitle}</Link>
        </li>
      </ul>
    </>
  );
}

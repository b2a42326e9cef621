import "~/i18n/area/audit.client";
import "~/i18n/area/auth.client";
import "~/i18n/area/nav.client";
import "~/i18n/area/unitResults.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { headedUnits } from "~/models/unit-heads.server";
import { HR_ROLES, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/utils/meta";

export const meta = titled((t) => t.nav.home);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const headsUnits = (await headedUnits(getDb(), user.id)).length > 0;
  return json({ name: user.name, isHr: HR_ROLES.includes(user.role), headsUnits });
}

export default function Home() {
  const t = useT();
  const { name, isHr, headsUnits } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.auth.welcome(name)}</h1>
      <p>{t.auth.homeIntro}</p>
      <p>
        <Link to="/account/password">{t.auth.changePasswordTitle}</Link>
      </p>
      {headsUnits ? (
        <p>
          <Link to="/unit-results">{t.unitResults.listTitle}</Link>
        </p>
      ) : null}
      {isHr ? (
        <>
          <p>{t.auth.hrHomeIntro}</p>
          <ul className="link-list">
            <li>
              <Link to="/roster">{t.nav.roster}</Link>
            </li>
            <li>
              <Link to="/roster/import">{t.nav.rosterImport}</Link>
            </li>
            <li>
              <Link to="/manage/audit">{t.audit.title}</Link>
            </li>
          </ul>
        </>
      ) : null}
    </>
  );
}

import "~/i18n/area/home.client";
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** An installation nobody can administer yet: how to create the first administrator. */
export function FirstRun({ hasStaff }: { hasStaff: boolean }) {
  const f = useT().home.firstRun;
  return (
    <>
      <h1>{f.title}</h1>
      <p>{f.intro}</p>
      {hasStaff ? <p>{f.rosterLoaded}</p> : null}
      <ol className="plain-steps">
        <li>
          <p>{f.importRoster}</p>
          <pre>
            <code>npm run cli -- import-roster --file roster.csv</code>
          </pre>
        </li>
        <li>
          <p>{f.createAdmin}</p>
          <pre>
            <code>{"echo 'a long password' | npm run cli -- create-admin --employee 000123"}</code>
          </pre>
        </li>
        <li>
          <p>{f.thenSignIn}</p>
          <Link to="/login">{f.signIn}</Link>
        </li>
      </ol>
    </>
  );
}

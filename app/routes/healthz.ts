import { json } from "@remix-run/node";
import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

/** For load balancers and monitoring: the app answers and the database can be read. */
export async function loader() {
  try {
    await sql`select 1`.execute(getDb());
    return json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return json({ status: "database unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}

// Temporary (not committed): a Yell database with N staff signed in and an open survey, plus a jobs file for load.mjs.
import { writeFileSync } from "node:fs";
import { createDb } from "#db/connection";
import { migrateToLatest } from "#db/migrate";
import { createSession } from "~/models/session.server";
import { createSurveyFromTemplate, setSurveyStatus } from "~/models/surveys.server";
import { setSessionCookieHeader } from "~/utils/session.server";
import { ensureDepartment } from "../support/factories";

const [dbPath, jobsPath, countText] = process.argv.slice(2);
const count = Number(countText);
const db = createDb(dbPath!);
await migrateToLatest(db);
const departments = ["総務部/人事課/人事係", "福祉部/福祉課/福祉係", "区民生活部/戸籍課/戸籍係", "都市環境部/道路課/道路係"];
const ids = await Promise.all(departments.map((d) => ensureDepartment(db, d)));
const levels = ["staff", "senior_staff", "unit_chief", "section_chief"];
const now = new Date().toISOString();
for (let i = 0; i < count; i += 500) {
  await db.insertInto("staff").values(Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
    employee_number: `L${String(i + j).padStart(6, "0")}`, name: `負荷 ${i + j}`, name_kana: "フカ", email: null,
    department_id: ids[(i + j) % ids.length]!, job_level_code: levels[(i + j) % 4]!, employment_type_code: "regular",
    birth_year: 1965 + ((i + j) % 35), supervisor_number: null, role: "staff" as const, active: 1, password_hash: null, created_at: now, updated_at: now,
  }))).execute();
}
await createSurveyFromTemplate(db, "shinagawa-fy2023", { code: "load", fiscalYear: 2026 }, { id: null, label: "load" });
await setSurveyStatus(db, "load", "open", { id: null, label: "load" });
const staff = await db.selectFrom("staff").select("id").execute();
const codes = Array.from({ length: 15 }, (_, i) => `Q${String(i + 1).padStart(2, "0")}`);
const lines: string[] = [];
for (const [n, person] of staff.entries()) {
  const secret = await createSession(db, person.id, { idleMinutes: 600, absoluteHours: 24 });
  const cookie = (await setSessionCookieHeader(secret)).split(";")[0]!;
  const body = ["intent=submit", "step=4", ...codes.map((c, q) => `${c}=${1 + ((n + q) % 4)}`)].join("&");
  lines.push(JSON.stringify({ cookie, body }));
}
writeFileSync(jobsPath!, lines.join("\n"));
await db.destroy();
console.log(`${staff.length} staff, jobs in ${jobsPath}`);

import type { SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { listFreeText } from "~/models/free-text.server";
import { rowRelease } from "~/models/disclosure.server";
import { responseExportRows } from "~/models/response-export.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { loader as commentsLoader } from "~/routes/results.$code_.comments";
import { createTestDb } from "../support/db";
import { downloadLoader } from "../support/downloads";
import { addQuestion, createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const csvLoader = downloadLoader("responses.csv");
const xlsxLoader = downloadLoader("responses.xlsx");

const db = await createTestDb();
useDatabaseForApp(db);
const hr = await createStaff(db, { role: "hr" });
const staff = await createStaff(db, { role: "staff" });
const actor = { id: null, label: "test" };
const FORMULA = '=HYPERLINK("http://example.test")';

/**
 * 24 respondents. 総務部 (3) is under the minimum of 5 and hides fewer than 5 alone, so 企画部 (5)
 * is hidden with it; 区民部 (6) and 福祉部 (10) are named. Only 福祉部 reaches twice the minimum.
 * Ages: one person is 60 or over, so the smallest other age band is hidden as well.
 */
const DEPARTMENTS: [string, number][] = [
  ["総務部", 3],
  ["企画部", 5],
  ["区民部", 6],
  ["福祉部", 10],
];

await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "export-test", fiscalYear: 2023 }, actor);
const survey = await db.selectFrom("surveys").selectAll().where("code", "=", "export-test").executeTakeFirstOrThrow();
await addQuestion(db, survey.id, {
  code: "X01",
  type: "multiple_choice",
  text: "使っている制度",
  options: [["テレワーク", "Telework"], ["時差出勤", "Staggered hours"], "=SUM(1)"],
  maxChoices: 3,
});
await addQuestion(db, survey.id, { code: "F01", type: "free_text", text: "ご意見", required: false });
const definition = (await loadSurveyDefinition(db, "export-test"))!;

const people = DEPARTMENTS.flatMap(([department, count]) => Array.from({ length: count }, (_, index) => ({ department, index })));
await importResponses(
  db,
  definition,
  people.map(({ department, index }, person) => ({
    groups: {
      department,
      job_level: "主事",
      age_band: person === 0 ? "60歳以上" : person < 8 ? "29歳以下" : "30歳～39歳",
      employment_type: "常勤",
    },
    answers: {
      ...Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, 3])),
      X01: [1, 2],
      ...(index === 0 && department === "総務部" ? { F01: FORMULA } : { F01: `${department}の意見${index}` }),
    },
  })),
  actor,
);

const args = async (staffId: number, path: string) => ({ request: await requestAs(db, staffId, path), params: { code: "export-test" }, context: {} });

function parseCsv(text: string): string[][] {
  // Good enough for these cells: no embedded line breaks.
  return text
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replaceAll('""', '"')).slice(0, -1));
}

describe("the anonymised response data", () => {
  it("is one row per response with segments blanked for small groups and their complement", async () => {
    const response = await responseOf(async () => csvLoader(await args(hr.id, "/results/export-test/responses.csv")));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain("export-test-responses.csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text).not.toContain("\uFEFF");
    const [header, ...rows] = parseCsv(text);
    expect(header!.slice(0, 4)).toEqual(["所属（部）", "職層", "年代", "雇用形態"]);
    expect(header!.slice(4)).toEqual([...shinagawaFy2023.questions.map((q) => q.code), "X01", "F01"]);
    expect(rows).toHaveLength(24);

    const departments = rows.map((row) => row[0]);
    expect(departments.filter((d) => d === "").length).toBe(8);
    expect(new Set(departments)).toEqual(new Set(["", "区民部", "福祉部"]));
    // 60歳以上 (1) is hidden, and 29歳以下 (7) with it; 30歳～39歳 (16) is named.
    expect(new Set(rows.map((row) => row[2]))).toEqual(new Set(["", "30歳～39歳"]));
    expect(rows.filter((row) => row[2] === "")).toHaveLength(8);
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(["主事"]));

    const first = rows[0]!;
    expect(first[4]).toBe("3");
    expect(first[header!.indexOf("X01")]).toBe("テレワーク;時差出勤");
  });

  it("neutralises text a spreadsheet would run as a formula", async () => {
    const response = await responseOf(async () => csvLoader(await args(hr.id, "/results/export-test/responses.csv")));
    const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(`"'=HYPERLINK(""http://example.test"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("reads responses in chunks without losing or repeating any", async () => {
    let chunks = 0;
    let rows = 0;
    const header = { dimensions: { department: "d", job_level: "j", age_band: "a", employment_type: "e" } };
    const release = await rowRelease(db, survey, definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
    if (!release.shown) throw new Error("expected the rows to be released");
    for await (const chunk of responseExportRows(db, definition, release, header, "en", 5)) {
      chunks += 1;
      rows += chunk.length;
    }
    expect(chunks).toBe(1 + 5);
    expect(rows).toBe(25);
  });

  it("is audited, as XLSX too, and refused to staff", async () => {
    const before = await db.selectFrom("audit_log").select("id").where("action", "=", "results.export").execute();
    const xlsx = await responseOf(async () => xlsxLoader(await args(hr.id, "/results/export-test/responses.xlsx")));
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
    const after = await db.selectFrom("audit_log").selectAll().where("action", "=", "results.export").orderBy("id", "desc").execute();
    expect(after.length).toBe(before.length + 1);
    expect(JSON.parse(after[0]!.detail)).toEqual({ survey: "export-test", table: "responses", format: "xlsx" });
    expect(after[0]!.row_count).toBe(24);

    expect((await responseOf(async () => csvLoader(await args(staff.id, "/results/export-test/responses.csv")))).status).toBe(403);
    expect((await responseOf(async () => xlsxLoader(await args(staff.id, "/results/export-test/responses.xlsx")))).status).toBe(403);
  });
});

async function shownListing(question: string, by: "department" | null) {
  const outcome = await listFreeText(db, survey, question, by);
  if (!outcome?.shown) throw new Error(`expected ${question} to be listed`);
  return outcome;
}

describe("the free-text listing", () => {
  it("names only groups of at least twice the minimum and lists the rest without a label", async () => {
    const listing = await shownListing("F01", "department");
    expect(listing.total).toBe(24);
    expect(listing.groups.map((g) => [g.group, g.answers.length])).toEqual([
      ["福祉部", 10],
      [null, 14],
    ]);
    expect(listing.groups[1]!.answers).toContain(FORMULA);
    expect(await listFreeText(db, survey, "Q01", null)).toBeNull();
  });

  it("is shuffled on every request", async () => {
    const orders = new Set<string>();
    for (let i = 0; i < 5; i++) orders.add(JSON.stringify((await shownListing("F01", null)).groups[0]!.answers));
    expect(orders.size).toBeGreaterThan(1);
  });

  it("is HR's page", async () => {
    const page = await responseOf(async () => commentsLoader(await args(hr.id, "/results/export-test/comments?question=F01&by=age_band")));
    expect(page.status).toBe(200);
    const data = (await page.json()) as SerializeFrom<typeof commentsLoader>;
    expect(data.questions.map((q) => q.code)).toEqual(["F01"]);
    // 30歳～39歳 has 16 ≥ 10; the other bands are listed together without a name.
    expect(data.listing!.groups.map((g) => g.group)).toEqual(["30歳～39歳", null]);
    expect((await responseOf(async () => commentsLoader(await args(staff.id, "/results/export-test/comments?question=F01")))).status).toBe(403);
  });
});

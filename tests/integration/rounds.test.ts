import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Relationship } from "#db/schema";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { messageAnalytics } from "~/models/message-analytics.server";
import { sendMessage } from "~/models/messages.server";
import { importResponses } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition } from "~/models/surveys.server";
import { closeRound, coverage, createRound, listParticipantRounds, openRoundFor, participantProgress, strengthsReport } from "~/models/rounds.server";
import { loader as roundPageLoader } from "~/routes/manage.rounds.$id";
import { action as createRoundAction } from "~/routes/manage.rounds._index";
import { loader as reportLoader } from "~/routes/messages.rounds.$id.report";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);
const actor = { id: null, label: "test" };
const NOW = new Date("2026-11-21T03:00:00Z");
const hr = await createStaff(db, { role: "hr", departmentPath: "総務部/人事課/人事係" });

type Person = Awaited<ReturnType<typeof createStaff>>;
async function staffIn(departmentPath: string, numbers: string[], supervisorNumber: string | null = null): Promise<Person[]> {
  const people: Person[] = [];
  for (const employeeNumber of numbers) people.push(await createStaff(db, { employeeNumber, departmentPath, supervisorNumber }));
  return people;
}

/** Five more in 総務部 (one the others' supervisor), five in 福祉部, three in 区民部. */
const boss = (await staffIn("総務部/総務課/庶務係", ["R00001"]))[0]!;
const soumu = [boss, ...(await staffIn("総務部/総務課/庶務係", ["R00002", "R00003", "R00004", "R00005"], "R00001"))];
const fukushi = await staffIn("福祉部/福祉計画課/計画係", ["F00001", "F00002", "F00003", "F00004", "F00005"]);
const kumin = await staffIn("区民部/戸籍住民課/戸籍係", ["K00001", "K00002", "K00003"]);
const leaver = await createStaff(db, { departmentPath: "福祉部/福祉計画課/計画係", active: false });

const [alice, bob, carol] = [soumu[1]!, soumu[2]!, soumu[3]!];
const roundTerms = { titleJa: "令和8年度 上期", titleEn: "FY2026 first half", startsOn: "2026-04-01", endsOn: "2026-09-30", expected: 2, requireSupervisor: true };
const roundId = await createRound(db, { ...roundTerms, departments: ["総務部", "福祉部"] }, actor, new Date("2026-04-01T00:00:00Z"));

const PARTS = { scene: "窓口が混んでいた朝に案内を引き受けてくださったとき", feeling: "とても心強く感じました。", effect: "お客様の待ち時間が短くなりました。" };
let day = 0;
async function send(senderId: number, recipientId: number, relationship: Relationship, inRound = true) {
  day += 1;
  return sendMessage(db, { ...PARTS, senderId, recipientId, relationship, tagIds: [1], roundId: inRound ? roundId : null }, new Date(Date.UTC(2026, 4, day, 1)));
}

// alice: two sent, one to her supervisor; bob: one sent; carol receives two (one later hidden), alice one.
await send(alice.id, boss.id, "to_supervisor");
await send(alice.id, carol.id, "colleague");
await send(bob.id, carol.id, "colleague");
const hidden = await send(fukushi[0]!.id, alice.id, "other");
await db.updateTable("imessages").set({ hidden_at: "2026-05-20T00:00:00.000Z", reported_at: "2026-05-19T00:00:00.000Z" }).where("id", "=", hidden.id).execute();
await send(fukushi[1]!.id, alice.id, "other");
await send(kumin[0]!.id, alice.id, "other", false);

const args = async (staffId: number, path: string, params: Record<string, string> = {}, init: RequestInit = {}) => ({
  request: await requestAs(db, staffId, path, init),
  params,
  context: {},
});

describe("opening a round", () => {
  it("snapshots the active staff of the chosen 部 with their 部", async () => {
    const participants = await db.selectFrom("round_participants").select(["staff_id", "department"]).where("round_id", "=", roundId).execute();
    // 総務部 holds HR's own account too; the leaver and 区民部 are left out.
    expect(participants).toHaveLength(11);
    expect(participants.some((p) => p.staff_id === leaver.id || kumin.some((k) => k.id === p.staff_id))).toBe(false);
    expect(new Set(participants.map((p) => p.department))).toEqual(new Set(["総務部", "福祉部"]));
  });

  it("finds the open round that covers a participant's day, and none for others", async () => {
    expect(await openRoundFor(db, alice.id, "2026-05-01")).toBe(roundId);
    expect(await openRoundFor(db, alice.id, "2026-10-01")).toBeNull();
    expect(await openRoundFor(db, kumin[0]!.id, "2026-05-01")).toBeNull();
  });

  it("answers a form without departments with the field error, and opens one for all staff", async () => {
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [key, value] of Object.entries(fields)) body.append(key, value);
      return { method: "POST", body };
    };
    const fields = { titleJa: "全庁", titleEn: "All", startsOn: "2026-10-01", endsOn: "2027-03-31", expected: "3" };
    const refused = await responseOf(async () => createRoundAction(await args(hr.id, "/manage/rounds", {}, form({ ...fields, scope: "chosen" }))));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.departments).toBe("対象の部を1つ以上選んでください。");

    const created = await responseOf(async () => createRoundAction(await args(hr.id, "/manage/rounds", {}, form({ ...fields, scope: "all" }))));
    expect(created.status).toBe(302);
    const newId = Number(created.headers.get("Location")!.match(/\/manage\/rounds\/(\d+)/)![1]);
    const count = await db.selectFrom("round_participants").select((eb) => eb.fn.countAll<number>().as("n")).where("round_id", "=", newId).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(14);
    await db.deleteFrom("round_participants").where("round_id", "=", newId).execute();
    await db.deleteFrom("feedback_rounds").where("id", "=", newId).execute();
  });
});

describe("a participant's progress", () => {
  it("counts their own round messages and the one to the supervisor", async () => {
    expect(await participantProgress(db, roundId, alice.id)).toEqual({ sent: 2, expected: 2, sentToSupervisor: true, requireSupervisor: true, complete: true });
    expect(await participantProgress(db, roundId, bob.id)).toMatchObject({ sent: 1, sentToSupervisor: false, complete: false });
    expect(await participantProgress(db, roundId, kumin[0]!.id)).toBeNull();
  });

  it("lists the rounds they take part in with that progress", async () => {
    const rounds = await listParticipantRounds(db, bob.id);
    expect(rounds).toEqual([expect.objectContaining({ id: roundId, status: "open", progress: expect.objectContaining({ sent: 1, expected: 2 }) })]);
    expect(await listParticipantRounds(db, kumin[0]!.id)).toEqual([]);
  });
});

describe("coverage", () => {
  it("gives counts per department, never names or text", async () => {
    const result = (await coverage(db, roundId))!;
    expect(result.departments).toEqual([
      {
        suppressed: false,
        group: { name: "福祉部", respondents: 5, participants: 5, metExpected: 0, receivedAny: 0, receivedNone: 5, metExpectedShare: 0, receivedAnyShare: 0 },
      },
      {
        suppressed: false,
        // alice met the expected two; carol and their supervisor received; the hidden message does not count, the one to alice outside the round neither.
        group: { name: "総務部", respondents: 6, participants: 6, metExpected: 1, receivedAny: 3, receivedNone: 3, metExpectedShare: 0.167, receivedAnyShare: 0.5 },
      },
    ]);
    const text = JSON.stringify(result);
    for (const person of [alice, bob, carol, boss]) {
      expect(text).not.toContain(person.name);
      expect(text).not.toContain(person.employee_number);
    }
    expect(text).not.toContain(PARTS.scene);
  });

  it("is what the HR page shows", async () => {
    const response = await responseOf(async () => roundPageLoader(await args(hr.id, `/manage/rounds/${roundId}`, { id: String(roundId) })));
    const data = (await response.json()) as SerializeFrom<typeof roundPageLoader>;
    expect(data.coverage.total).toMatchObject({ participants: 11, metExpected: 1, receivedAny: 3, receivedNone: 8 });
  });
});

describe("strengths reports", () => {
  const reportFor = async (staffId: number, id = roundId) =>
    responseOf(async () => reportLoader(await args(staffId, `/messages/rounds/${id}/report`, { id: String(id) })));

  it("wait for the round to close", async () => {
    expect((await strengthsReport(db, roundId, alice.id)).status).toBe("open");
    const data = (await (await reportFor(alice.id)).json()) as SerializeFrom<typeof reportLoader>;
    expect(data.report).toBeNull();
    expect(data.progress).toMatchObject({ sent: 2, complete: true });
  });

  it("hold only the participant's own, visible round messages once closed", async () => {
    await closeRound(db, roundId, actor);
    const outcome = await strengthsReport(db, roundId, alice.id);
    if (outcome.status !== "ready") throw new Error(`expected a report, got ${outcome.status}`);
    expect(outcome.report.total).toBe(1);
    expect(outcome.report.byTag).toEqual([{ tag: "tasukeai", count: 1, messages: [expect.objectContaining({ senderName: fukushi[1]!.name, relationship: "other" })] }]);
    expect(outcome.report.byRelationship).toEqual([{ relationship: "other", count: 1 }]);

    const carols = await strengthsReport(db, roundId, carol.id);
    expect(carols.status === "ready" && carols.report.byRelationship).toEqual([{ relationship: "colleague", count: 2 }]);
  });

  it("are 404 for someone who did not take part, and for a round that does not exist", async () => {
    expect((await reportFor(kumin[0]!.id)).status).toBe(404);
    expect((await reportFor(alice.id, 9999)).status).toBe(404);
    const page = await responseOf(async () => reportLoader(await args(alice.id, "/messages/rounds/abc/report", { id: "abc" })));
    expect(page.status).toBe(404);
  });

  it("show each participant only their own report: the URL names a round, never a person", async () => {
    const carols = (await (await reportFor(carol.id)).json()) as SerializeFrom<typeof reportLoader>;
    const alices = (await (await reportFor(alice.id)).json()) as SerializeFrom<typeof reportLoader>;
    expect(carols.name).toBe(carol.name);
    expect(carols.report?.total).toBe(2);
    expect(alices.report?.byTag[0]?.messages.map((m) => m.senderName)).toEqual([fukushi[1]!.name]);
  });
});

describe("HR-only pages", () => {
  const pages: [string, () => Promise<{ loader: (a: LoaderFunctionArgs) => Promise<unknown>; action?: (a: ActionFunctionArgs) => Promise<unknown> }>, Record<string, string>][] = [
    ["/manage/rounds", () => import("~/routes/manage.rounds._index"), {}],
    [`/manage/rounds/${roundId}`, () => import("~/routes/manage.rounds.$id"), { id: String(roundId) }],
    ["/manage/analytics", () => import("~/routes/manage.analytics"), {}],
  ];

  it.each(pages)("%s refuses staff with 403", async (path, load, params) => {
    const route = await load();
    expect((await responseOf(async () => route.loader(await args(alice.id, path, params)))).status).toBe(403);
    if (route.action) {
      const post = await args(alice.id, path, params, { method: "POST", body: new FormData() });
      expect((await responseOf(async () => route.action!(post))).status).toBe(403);
    }
  });
});

describe("message analytics", () => {
  it("counts a fiscal year's messages by 部 and suppresses the small ones", async () => {
    const analytics = await messageAnalytics(db, 2026, NOW);
    // 区民部 (3) is under the minimum; 福祉部 (5) is hidden with it as the smallest complement.
    expect(analytics.departments.map((entry) => (entry.suppressed ? `${entry.name}:hidden` : entry.group.name))).toEqual([
      "区民部:hidden",
      "福祉部:hidden",
      "総務部",
    ]);
    // Six sent in May, one of them hidden by moderation.
    expect(analytics.total.year).toMatchObject({ activeStaff: 14, sent: 5 });
    expect(analytics.total.months[1]).toMatchObject({ month: "2026-05", sent: 5 });
    // April to November: months still to come are left out.
    expect(analytics.total.months.map((month) => month.month)).toHaveLength(8);
    expect(analytics.survey).toBeNull();
    expect(analytics.outcomes.total).toEqual({ kind: "no_survey" });
  });
});

describe("message analytics beside the survey", () => {
  it("puts the year's latest survey's Q05 and Q15 per 部 next to the activity, suppressed as the survey says", async () => {
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "analytics-2026", fiscalYear: 2026 }, actor);
    const definition = (await loadSurveyDefinition(db, "analytics-2026"))!;
    const sheet = (value: number) => Object.fromEntries(shinagawaFy2023.questions.map((q) => [q.code, value]));
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ department: "総務部", value: i < 3 ? 3 : 2 })),
      ...Array.from({ length: 3 }, () => ({ department: "福祉部", value: 4 })),
      ...Array.from({ length: 2 }, () => ({ department: "企画部", value: 1 })),
    ].map(({ department, value }) => ({
      groups: { department, job_level: "主事", age_band: "30歳～39歳", employment_type: "常勤" },
      answers: sheet(value),
    }));
    await importResponses(db, definition, rows, actor);

    const analytics = await messageAnalytics(db, 2026, NOW);
    expect(analytics.survey?.code).toBe("analytics-2026");
    expect(analytics.outcomes.byDepartment["総務部"]).toEqual({ kind: "shown", means: { Q05: 2.5, Q15: 2.5 } });
    // 福祉部 (3) and 企画部 (2) answered too few to show; together they hide enough to need no complement.
    expect(analytics.outcomes.byDepartment["福祉部"]).toEqual({ kind: "suppressed" });
    expect(analytics.outcomes.byDepartment["区民部"]).toEqual({ kind: "no_respondents" });
    // (3·3 + 3·2 + 3·4 + 2·1) / 11
    expect(analytics.outcomes.total).toEqual({ kind: "shown", means: { Q05: 2.636, Q15: 2.636 } });
  });

  it("hides activity by the year's survey's minimum group size", async () => {
    await db.updateTable("surveys").set({ min_group_size: 50 }).where("code", "=", "analytics-2026").execute();
    const analytics = await messageAnalytics(db, 2026, NOW);
    expect(analytics.minimumSize).toBe(50);
    expect(analytics.departments.every((entry) => entry.suppressed)).toBe(true);
  });
});

import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { shinagawaFy2023 } from "#db/seed/templates/shinagawa-fy2023";
import { report, sendMessage, thank } from "~/models/messages.server";
import { createRound } from "~/models/rounds.server";
import { submitResponse } from "~/models/responses.server";
import { createSurveyFromTemplate, loadSurveyDefinition, setSurveyStatus } from "~/models/surveys.server";
import { loader } from "~/routes/_index";
import { createTestDb } from "../support/db";
import { createStaff } from "../support/factories";
import { requestAs, responseOf, useDatabaseForApp } from "../support/requests";

const db = await createTestDb();
useDatabaseForApp(db);

type HomeData = SerializeFrom<typeof loader>;
async function home(staffId: number | null): Promise<HomeData> {
  const response = await responseOf(async () => loader({ request: await requestAs(db, staffId, "/"), params: {}, context: {} } as LoaderFunctionArgs));
  expect(response.status).toBe(200);
  return (await response.json()) as HomeData;
}

describe("the home page", () => {
  it("on an empty installation explains how to create the first administrator", async () => {
    expect(await home(null)).toEqual({ page: "first_run", hasStaff: false });
  });

  it("leads staff with their open survey, days left, round progress, unread messages and thanks", async () => {
    const admin = await createStaff(db, { role: "admin", password: "a long admin password", departmentPath: "総務部/人事課/人事係" });
    // With an administrator who can sign in, a visitor is sent to sign in instead.
    const anonymous = await responseOf(async () => loader({ request: await requestAs(db, null, "/"), params: {}, context: {} } as LoaderFunctionArgs));
    expect(anonymous.status).toBe(302);

    const boss = await createStaff(db, { employeeNumber: "H00001", departmentPath: "福祉部/福祉課/福祉係" });
    const me = await createStaff(db, { employeeNumber: "H00002", departmentPath: "福祉部/福祉課/福祉係", supervisorNumber: "H00001" });
    const colleagues = [];
    // Five staff in each 部 (the admin is the fifth in 総務部), so the groups fixed at open name every 部; one in 教育部 is withheld.
    const unitOf = (i: number) => (i <= 5 ? "福祉部/福祉課/福祉係" : i <= 10 ? "区民部/区民課/区民係" : i <= 14 ? "総務部/総務課/総務係" : "教育部/教育課/教育係");
    for (let i = 3; i <= 15; i++) colleagues.push(await createStaff(db, { employeeNumber: `H${String(i).padStart(5, "0")}`, departmentPath: unitOf(i) }));
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const in21Days = new Date(now.getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
    await createSurveyFromTemplate(db, shinagawaFy2023.code, { code: "home-survey", fiscalYear: 2026, opensOn: today, closesOn: in21Days }, { id: admin.id, label: "admin" });
    await setSurveyStatus(db, "home-survey", "open", { id: admin.id, label: "admin" });
    await createRound(
      db,
      { titleJa: "ラウンド", titleEn: "Round", startsOn: "2020-01-01", endsOn: "2099-12-31", expected: 2, requireSupervisor: true, departments: "all" },
      { id: admin.id, label: "admin" },
    );
    const parts = { scene: "場面の説明です", feeling: "うれしかったです", effect: "仕事が進みました" };
    const mine = await sendMessage(db, { ...parts, senderId: me.id, recipientId: colleagues[0]!.id, relationship: "colleague", tagIds: [] });
    await thank(db, colleagues[0]!.id, mine.id);
    await sendMessage(db, { ...parts, senderId: boss.id, recipientId: me.id, relationship: "to_report", tagIds: [] });

    const data = await home(me.id);
    if (data.page !== "home") throw new Error("expected the home page");
    expect(data.tasks.surveys).toEqual([expect.objectContaining({ code: "home-survey", daysLeft: expect.any(Number), answered: false })]);
    expect([20, 21]).toContain(data.tasks.surveys[0]!.daysLeft);
    expect(data.tasks.rounds).toHaveLength(1);
    expect(data.tasks.rounds[0]!.progress).toMatchObject({ sent: 1, expected: 2, sentToSupervisor: false, complete: false });
    expect(data.tasks.unread).toBe(1);
    expect(data.tasks.thanks).toBe(1);
    expect(data.overview).toBeNull();

    // Answering is seen on the home page (from participation: who answered, never what).
    await submitResponse(db, (await loadSurveyDefinition(db, "home-survey"))!, me.id, { Q01: 3 });
    const after = await home(me.id);
    if (after.page !== "home") throw new Error("expected the home page");
    expect(after.tasks.surveys[0]!.answered).toBe(true);
  });

  it("gives HR response rates by 部 lowest first, round coverage, roster gaps, and admins the moderation queue", async () => {
    const hr = await createStaff(db, { role: "hr", employeeNumber: "H00090", departmentPath: "総務部/人事課/人事係" });
    const data = await home(hr.id);
    if (data.page !== "home" || !data.overview) throw new Error("expected HR's overview");
    const [open] = data.overview.surveys;
    expect(open!.code).toBe("home-survey");
    // Eligible staff were counted by the groups fixed when the survey opened: 教育部's one person is
    // withheld with a complement (区民部), as in any breakdown. The one answer (福祉部) puts it last.
    expect(open!.departments).toEqual([
      { department: "総務部", eligible: 5, respondents: 0, rate: 0 },
      { department: "非公表", eligible: 6, respondents: 0, rate: 0 },
      { department: "福祉部", eligible: 5, respondents: 1, rate: 0.2 },
    ]);
    expect(JSON.stringify(data.overview)).not.toMatch(/"mean"|"distribution"/);
    expect(data.overview.rounds).toHaveLength(1);
    expect(data.overview.awaitingModeration).toBeNull();
    expect(data.overview.roster.withoutPassword).toBeGreaterThan(5);

    const admin = await db.selectFrom("staff").select("id").where("role", "=", "admin").executeTakeFirstOrThrow();
    const inbox = await db.selectFrom("imessages").select(["id", "recipient_id"]).where("relationship", "=", "to_report").executeTakeFirstOrThrow();
    await report(db, { id: inbox.recipient_id, label: "x" }, inbox.id, "不適切です");
    const adminHome = await home(admin.id);
    if (adminHome.page !== "home" || !adminHome.overview) throw new Error("expected the admin's overview");
    expect(adminHome.overview.awaitingModeration).toBe(1);
  });
});

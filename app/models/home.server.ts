import { tokyoDate } from "~/domain/dates";
import { daysUntil } from "~/domain/notifications";
import type { Db } from "~/utils/db.server";
import { awaitingModerationCount, thanksReceivedCount, unreadCount } from "./messages.server";
import { rosterGaps } from "./onboarding.server";
import { hasAnswered } from "./responses.server";
import { getSurveyResults } from "./results.server";
import { coverage, listParticipantRounds, listRounds } from "./rounds.server";
import { listSurveys } from "./surveys.server";

/** What a member of staff has to do next: open surveys, their rounds, messages waiting. */
export async function staffTasks(db: Db, staffId: number, now = new Date()) {
  const today = tokyoDate(now);
  const open = (await listSurveys(db)).filter((survey) => survey.status === "open");
  const [surveys, rounds, unread, thanks] = await Promise.all([
    Promise.all(
      open.map(async (survey) => ({
        code: survey.code,
        titleJa: survey.title_ja,
        titleEn: survey.title_en,
        closesOn: survey.closes_on,
        daysLeft: daysUntil(survey.closes_on, today),
        answered: await hasAnswered(db, survey.id, staffId),
      })),
    ),
    listParticipantRounds(db, staffId),
    unreadCount(db, staffId),
    thanksReceivedCount(db, staffId),
  ]);
  return {
    surveys,
    rounds: rounds
      .filter((round) => round.status === "open")
      .map((round) => ({ id: round.id, titleJa: round.title_ja, titleEn: round.title_en, endsOn: round.ends_on, daysLeft: daysUntil(round.ends_on, today), progress: round.progress })),
    unread,
    thanks,
  };
}

/**
 * HR's overview: response rates of open surveys (counts and rates only, through the same results
 * entry point as the results page, so its disclosure rules apply here too), the lowest 部 first;
 * coverage of open rounds; the moderation queue for admins; gaps in the roster.
 */
export async function hrOverview(db: Db, { isAdmin }: { isAdmin: boolean }) {
  const open = (await listSurveys(db)).filter((survey) => survey.status === "open");
  const surveys = (
    await Promise.all(
      open.map(async (survey) => {
        const results = await getSurveyResults(db, survey.code);
        if (!results) return null;
        const departments = [...results.departmentRates].sort((a, b) => (a.rate ?? Infinity) - (b.rate ?? Infinity) || (a.department < b.department ? -1 : 1));
        return {
          code: survey.code,
          titleJa: survey.title_ja,
          titleEn: survey.title_en,
          closesOn: survey.closes_on,
          respondents: results.respondents,
          eligible: results.eligible,
          responseRate: results.responseRate,
          departments,
        };
      }),
    )
  ).filter((survey) => survey !== null);
  const openRounds = (await listRounds(db)).filter((round) => round.status === "open");
  const rounds = await Promise.all(
    openRounds.map(async (round) => ({ id: round.id, titleJa: round.title_ja, titleEn: round.title_en, endsOn: round.ends_on, coverage: (await coverage(db, round.id))!.total, participants: round.participants })),
  );
  return {
    surveys,
    rounds,
    awaitingModeration: isAdmin ? await awaitingModerationCount(db) : null,
    roster: await rosterGaps(db),
  };
}

/** True until someone can sign in as administrator: the home page then explains how to get there. */
export async function needsFirstAdmin(db: Db): Promise<{ needed: boolean; hasStaff: boolean }> {
  const [admin, anyone] = await Promise.all([
    db.selectFrom("staff").select("id").where("role", "=", "admin").where("active", "=", 1).where("password_hash", "is not", null).executeTakeFirst(),
    db.selectFrom("staff").select("id").executeTakeFirst(),
  ]);
  return { needed: admin === undefined, hasStaff: anyone !== undefined };
}

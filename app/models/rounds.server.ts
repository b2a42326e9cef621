import type { Kysely } from "kysely";
import type { Database, FeedbackRound, Relationship } from "#db/schema";
import {
  type ParticipantTally,
  type ReceivedMessage,
  type RoundCoverage,
  type RoundProgress,
  type StrengthsReport,
  groupStrengths,
  roundCoverage,
  roundProgress,
} from "~/domain/rounds";
import { tokyoDate } from "~/domain/dates";
import { topDepartment } from "~/domain/survey/respondent-groups";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { notifyRoundOpened } from "./notifications.server";

/*
 * A message counts for a round when its round_id is that round. The composer sets round_id when
 * the sender takes part in an open round covering the day they send (see openRoundFor), so a
 * message's round never changes afterwards and counting needs no date arithmetic. Messages hidden
 * by moderation count nowhere.
 */

export class RoundError extends Error {
  constructor(readonly reason: "no_participants" | "not_open") {
    super(reason);
  }
}

export interface NewRoundInput {
  titleJa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  expected: number;
  requireSupervisor: boolean;
  /** 部 names, or every active member of staff. */
  departments: readonly string[] | "all";
}

const PARTICIPANT_BATCH = 200;

/** Active staff with their 部, the level rounds and analytics report by. */
export async function listActiveStaffDepartments(db: Db): Promise<{ staffId: number; department: string }[]> {
  const rows = await db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .select(["staff.id", "departments.path"])
    .where("staff.active", "=", 1)
    .orderBy("staff.id")
    .execute();
  return rows.map((row) => ({ staffId: row.id, department: topDepartment(row.path) }));
}

/** The 部 a round can be opened for, in path order. */
export async function listTopDepartments(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("departments").select("name").where("depth", "=", 1).orderBy("path").execute();
  return rows.map((row) => row.name);
}

/** Opens a round; its participants and their 部 are fixed now, so later transfers do not move counts. */
export async function createRound(db: Kysely<Database>, input: NewRoundInput, actor: Actor, now = new Date()): Promise<number> {
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const staff = await listActiveStaffDepartments(trx);
    const chosen = input.departments === "all" ? null : new Set(input.departments);
    const participants = chosen ? staff.filter((person) => chosen.has(person.department)) : staff;
    if (participants.length === 0) throw new RoundError("no_participants");
    const round = await trx
      .insertInto("feedback_rounds")
      .values({
        title_ja: input.titleJa,
        title_en: input.titleEn,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        expected_per_participant: input.expected,
        require_supervisor: input.requireSupervisor ? 1 : 0,
        created_by: actor.id,
        created_at: stamp,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rows = participants.map((person) => ({ round_id: round.id, staff_id: person.staffId, department: person.department }));
    for (let i = 0; i < rows.length; i += PARTICIPANT_BATCH) {
      await trx.insertInto("round_participants").values(rows.slice(i, i + PARTICIPANT_BATCH)).execute();
    }
    await recordAudit(trx, actor, "round.create", { round: round.id, departments: input.departments }, rows.length, now);
    if (input.startsOn <= tokyoDate(now)) {
      await notifyRoundOpened(trx, { id: round.id, titleJa: input.titleJa, titleEn: input.titleEn, endsOn: input.endsOn }, rows.map((row) => row.staff_id), now);
    }
    return round.id;
  });
}

export async function listRounds(db: Db) {
  const rounds = await db
    .selectFrom("feedback_rounds")
    .leftJoin("round_participants", "round_participants.round_id", "feedback_rounds.id")
    .select((eb) => [
      "feedback_rounds.id",
      "feedback_rounds.title_ja",
      "feedback_rounds.title_en",
      "feedback_rounds.starts_on",
      "feedback_rounds.ends_on",
      "feedback_rounds.status",
      eb.fn.count<number>("round_participants.staff_id").as("participants"),
    ])
    .groupBy("feedback_rounds.id")
    .orderBy("feedback_rounds.starts_on", "desc")
    .orderBy("feedback_rounds.id", "desc")
    .execute();
  return rounds.map((round) => ({ ...round, participants: Number(round.participants) }));
}

export async function findRound(db: Db, roundId: number): Promise<FeedbackRound | undefined> {
  return db.selectFrom("feedback_rounds").selectAll().where("id", "=", roundId).executeTakeFirst();
}

export async function closeRound(db: Kysely<Database>, roundId: number, actor: Actor, now = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const closed = await trx
      .updateTable("feedback_rounds")
      .set({ status: "closed", closed_at: now.toISOString() })
      .where("id", "=", roundId)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw new RoundError("not_open");
    await recordAudit(trx, actor, "round.close", { round: roundId }, null, now);
  });
}

/** The open round (latest start first) that a message sent today by this person counts for. */
export async function openRoundFor(db: Db, staffId: number, today: string): Promise<number | null> {
  const round = await db
    .selectFrom("feedback_rounds")
    .innerJoin("round_participants", "round_participants.round_id", "feedback_rounds.id")
    .select("feedback_rounds.id")
    .where("round_participants.staff_id", "=", staffId)
    .where("feedback_rounds.status", "=", "open")
    .where("feedback_rounds.starts_on", "<=", today)
    .where("feedback_rounds.ends_on", ">=", today)
    .orderBy("feedback_rounds.starts_on", "desc")
    .orderBy("feedback_rounds.id", "desc")
    .executeTakeFirst();
  return round?.id ?? null;
}

const termsOf = (round: Pick<FeedbackRound, "expected_per_participant" | "require_supervisor">) => ({
  expected: round.expected_per_participant,
  requireSupervisor: round.require_supervisor === 1,
});

/** Relationships of the person's own counted messages in the given rounds, by round. */
async function sentRelationships(db: Db, staffId: number, roundIds: readonly number[]): Promise<Map<number, Relationship[]>> {
  const byRound = new Map<number, Relationship[]>(roundIds.map((id) => [id, []]));
  if (roundIds.length === 0) return byRound;
  const rows = await db
    .selectFrom("imessages")
    .select(["round_id", "relationship"])
    .where("sender_id", "=", staffId)
    .where("round_id", "in", roundIds)
    .where("hidden_at", "is", null)
    .execute();
  for (const row of rows) if (row.round_id !== null) byRound.get(row.round_id)?.push(row.relationship);
  return byRound;
}

export type ParticipantRound = Pick<FeedbackRound, "id" | "title_ja" | "title_en" | "starts_on" | "ends_on" | "status"> & {
  progress: RoundProgress;
};

/** The rounds this person takes part in, newest first, each with their own progress. */
export async function listParticipantRounds(db: Db, staffId: number): Promise<ParticipantRound[]> {
  const rounds = await db
    .selectFrom("feedback_rounds")
    .innerJoin("round_participants", "round_participants.round_id", "feedback_rounds.id")
    .select([
      "feedback_rounds.id",
      "feedback_rounds.title_ja",
      "feedback_rounds.title_en",
      "feedback_rounds.starts_on",
      "feedback_rounds.ends_on",
      "feedback_rounds.status",
      "feedback_rounds.expected_per_participant",
      "feedback_rounds.require_supervisor",
    ])
    .where("round_participants.staff_id", "=", staffId)
    .orderBy("feedback_rounds.starts_on", "desc")
    .orderBy("feedback_rounds.id", "desc")
    .execute();
  const sent = await sentRelationships(db, staffId, rounds.map((round) => round.id));
  return rounds.map(({ expected_per_participant, require_supervisor, ...round }) => ({
    ...round,
    progress: roundProgress(termsOf({ expected_per_participant, require_supervisor }), sent.get(round.id) ?? []),
  }));
}

/** One person's progress in one round; null when they do not take part in it. */
export async function participantProgress(db: Db, roundId: number, staffId: number): Promise<RoundProgress | null> {
  const round = await db
    .selectFrom("feedback_rounds")
    .innerJoin("round_participants", "round_participants.round_id", "feedback_rounds.id")
    .select(["feedback_rounds.expected_per_participant", "feedback_rounds.require_supervisor"])
    .where("feedback_rounds.id", "=", roundId)
    .where("round_participants.staff_id", "=", staffId)
    .executeTakeFirst();
  if (!round) return null;
  const sent = await sentRelationships(db, staffId, [roundId]);
  return roundProgress(termsOf(round), sent.get(roundId) ?? []);
}

/** Counted messages of a round per person, on one side (sender or recipient). */
async function countsBy(db: Db, roundId: number, side: "sender_id" | "recipient_id"): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("imessages")
    .select((eb) => [side, eb.fn.countAll<number>().as("count")])
    .where("round_id", "=", roundId)
    .where("hidden_at", "is", null)
    .groupBy(side)
    .execute();
  return new Map(rows.map((row) => [row[side], Number(row.count)]));
}

/** Coverage per department as counts only: no name, number or message text leaves this function. */
export async function coverage(db: Db, roundId: number): Promise<RoundCoverage | null> {
  const round = await findRound(db, roundId);
  if (!round) return null;
  const [participants, sent, received] = await Promise.all([
    db.selectFrom("round_participants").select(["staff_id", "department"]).where("round_id", "=", roundId).execute(),
    countsBy(db, roundId, "sender_id"),
    countsBy(db, roundId, "recipient_id"),
  ]);
  const tallies: ParticipantTally[] = participants.map((p) => ({
    department: p.department,
    sent: sent.get(p.staff_id) ?? 0,
    received: received.get(p.staff_id) ?? 0,
  }));
  return roundCoverage(tallies, round.expected_per_participant);
}

export interface ReportTag {
  id: number;
  code: string;
  nameJa: string;
  nameEn: string;
}

export type StrengthsReportOutcome =
  | { status: "not_participant" }
  | { status: "open"; round: FeedbackRound }
  | { status: "ready"; round: FeedbackRound; tags: ReportTag[]; report: StrengthsReport<ReceivedMessage> };

/**
 * A participant's own strengths report: only messages they received in the round and that are
 * not hidden, and only once the round is closed, so nobody reads it as a running score.
 */
export async function strengthsReport(db: Db, roundId: number, staffId: number): Promise<StrengthsReportOutcome> {
  const round = await db
    .selectFrom("feedback_rounds")
    .innerJoin("round_participants", "round_participants.round_id", "feedback_rounds.id")
    .selectAll("feedback_rounds")
    .where("feedback_rounds.id", "=", roundId)
    .where("round_participants.staff_id", "=", staffId)
    .executeTakeFirst();
  if (!round) return { status: "not_participant" };
  if (round.status !== "closed") return { status: "open", round };

  const [messages, tagRows, tags] = await Promise.all([
    db
      .selectFrom("imessages")
      .innerJoin("staff", "staff.id", "imessages.sender_id")
      .select([
        "imessages.id",
        "staff.name as senderName",
        "imessages.relationship",
        "imessages.scene",
        "imessages.feeling",
        "imessages.effect",
        "imessages.created_at as createdAt",
      ])
      .where("imessages.round_id", "=", roundId)
      .where("imessages.recipient_id", "=", staffId)
      .where("imessages.hidden_at", "is", null)
      .orderBy("imessages.created_at")
      .orderBy("imessages.id")
      .execute(),
    db
      .selectFrom("imessage_tags")
      .innerJoin("imessages", "imessages.id", "imessage_tags.message_id")
      .innerJoin("value_tags", "value_tags.id", "imessage_tags.tag_id")
      .select(["imessage_tags.message_id", "value_tags.code"])
      .where("imessages.round_id", "=", roundId)
      .where("imessages.recipient_id", "=", staffId)
      .execute(),
    db
      .selectFrom("value_tags")
      .select(["id", "code", "name_ja as nameJa", "name_en as nameEn"])
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  ]);
  const tagsByMessage = new Map<number, string[]>();
  for (const row of tagRows) tagsByMessage.set(row.message_id, [...(tagsByMessage.get(row.message_id) ?? []), row.code]);
  const withTags = messages.map((message) => ({ ...message, tagCodes: tagsByMessage.get(message.id) ?? [] }));
  return {
    status: "ready",
    round,
    tags,
    report: groupStrengths(withTags, tags.map((tag) => tag.code)),
  };
}

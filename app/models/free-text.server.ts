import { randomInt } from "node:crypto";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { type DisclosedSurvey, commentDisclosure } from "./disclosure.server";
import { isPublishedResponse } from "./responses.server";

export interface FreeTextGroup {
  /** null: answers of every group too small to be named (or the whole survey, ungrouped). */
  group: string | null;
  answers: string[];
}

export interface FreeTextListing {
  questionCode: string;
  dimension: BreakdownDimension | null;
  /** Groups the gate names (twice the minimum), then everything else together, each shuffled. */
  groups: FreeTextGroup[];
  total: number;
}

/** Fisher–Yates with a cryptographic source, so the order says nothing about who answered when. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export type FreeTextOutcome =
  | ({ shown: true } & FreeTextListing)
  | { shown: false; questionCode: string; reason: "survey_open" | "too_few_respondents" | "question_too_few_respondents" };

/**
 * The written answers to one free-text question, in a random order on every call, as far as the
 * disclosure gate allows (commentDisclosure): none while the survey is open, under its minimum or
 * when too few answered the question; with a dimension, only groups of twice the minimum named,
 * the rest listed together without a label. Returns null when the question is not a free-text
 * question of the survey.
 */
export async function listFreeText(
  db: Db,
  survey: DisclosedSurvey,
  questionCode: string,
  dimension: BreakdownDimension | null,
): Promise<FreeTextOutcome | null> {
  const question = await db
    .selectFrom("survey_questions")
    .select(["id", "code"])
    .where("survey_id", "=", survey.id)
    .where("code", "=", questionCode)
    .where("type", "=", "free_text")
    .executeTakeFirst();
  if (!question) return null;
  const disclosure = await commentDisclosure(db, survey, question.id, dimension);
  if (!disclosure.shown) return { shown: false, questionCode: question.code, reason: disclosure.reason };

  const column = dimension ?? "department";
  if (!(BREAKDOWN_DIMENSIONS as readonly string[]).includes(column)) return null;
  const rows = await db
    .selectFrom("response_answers")
    .innerJoin("survey_responses", "survey_responses.id", "response_answers.response_id")
    .select(["response_answers.text_value as text", `survey_responses.${column} as group`])
    .where("response_answers.question_id", "=", question.id)
    .where("response_answers.text_value", "is not", null)
    .where(isPublishedResponse)
    .execute();
  const texts = rows.flatMap((row) => (row.text !== null && row.text.trim() !== "" ? [{ text: row.text, group: row.group }] : []));

  const groups: FreeTextGroup[] = [];
  const named = disclosure.namedGroups;
  if (named === null) {
    if (texts.length > 0) groups.push({ group: null, answers: shuffle(texts.map((t) => t.text)) });
  } else {
    const byGroup = new Map<string, string[]>();
    const rest: string[] = [];
    for (const { text, group } of texts) {
      if (group !== null && named.has(group)) {
        const list = byGroup.get(group);
        if (list) list.push(text);
        else byGroup.set(group, [text]);
      } else {
        rest.push(text);
      }
    }
    for (const name of [...byGroup.keys()].sort()) groups.push({ group: name, answers: shuffle(byGroup.get(name)!) });
    if (rest.length > 0) groups.push({ group: null, answers: shuffle(rest) });
  }
  return { shown: true, questionCode: question.code, dimension, groups, total: texts.length };
}

/** The survey's free-text questions, for the question picker. */
export async function freeTextQuestions(db: Db, surveyId: number) {
  return db
    .selectFrom("survey_questions")
    .select(["code", "text_ja", "text_en"])
    .where("survey_id", "=", surveyId)
    .where("type", "=", "free_text")
    .orderBy("position")
    .execute();
}

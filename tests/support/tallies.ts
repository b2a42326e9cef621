import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";

type Tallies = Record<string, number>;

/** The three running tallies of a survey, keyed "table|question|dimension|group|value". */
export async function storedTallies(db: Kysely<Database>, surveyId: number): Promise<Tallies> {
  const questionIds = (await db.selectFrom("survey_questions").select("id").where("survey_id", "=", surveyId).execute()).map((q) => q.id);
  const [answers, questionRespondents, respondents] = await Promise.all([
    db.selectFrom("answer_tallies").selectAll().where("question_id", "in", questionIds).execute(),
    db.selectFrom("question_respondent_tallies").selectAll().where("question_id", "in", questionIds).execute(),
    db.selectFrom("respondent_tallies").selectAll().where("survey_id", "=", surveyId).execute(),
  ]);
  const tallies: Tallies = {};
  for (const t of answers) tallies[`a|${t.question_id}|${t.dimension}|${t.group_name}|${t.value}`] = t.count;
  for (const t of questionRespondents) tallies[`q|${t.question_id}|${t.dimension}|${t.group_name}`] = t.count;
  for (const t of respondents) tallies[`r|${t.dimension}|${t.group_name}`] = t.count;
  return tallies;
}

/** The same tallies counted again from the stored responses and answers. */
export async function recountedTallies(db: Kysely<Database>, surveyId: number): Promise<Tallies> {
  const responses = await db.selectFrom("survey_responses").selectAll().where("survey_id", "=", surveyId).execute();
  const answers = await db
    .selectFrom("response_answers")
    .innerJoin("survey_responses", "survey_responses.id", "response_answers.response_id")
    .select(["response_answers.response_id", "response_answers.question_id", "response_answers.value", "response_answers.text_value"])
    .where("survey_responses.survey_id", "=", surveyId)
    .execute();
  const groupsOf = new Map(
    responses.map((r) => [
      r.id,
      [{ dimension: "all", group: "" }, ...BREAKDOWN_DIMENSIONS.flatMap((d) => (r[d] ? [{ dimension: d, group: r[d] }] : []))],
    ]),
  );
  const tallies: Tallies = {};
  const add = (key: string) => (tallies[key] = (tallies[key] ?? 0) + 1);
  for (const r of responses) for (const g of groupsOf.get(r.id)!) add(`r|${g.dimension}|${g.group}`);
  const answeredQuestion = new Set<string>();
  for (const a of answers) {
    for (const g of groupsOf.get(a.response_id)!) {
      if (a.text_value === null) add(`a|${a.question_id}|${g.dimension}|${g.group}|${a.value}`);
      const key = `${a.response_id}|${a.question_id}`;
      if (!answeredQuestion.has(`${key}|${g.dimension}`)) {
        answeredQuestion.add(`${key}|${g.dimension}`);
        add(`q|${a.question_id}|${g.dimension}|${g.group}`);
      }
    }
  }
  return tallies;
}

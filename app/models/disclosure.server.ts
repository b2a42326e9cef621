import type { Survey } from "#db/schema";
import { AGE_BAND_LABELS, AGE_BANDS } from "~/domain/survey/age-band";
import {
  type FiguresDecision,
  breakdownGroups,
  commentGroupsNamed,
  type ParticipationGroup,
  participationGroups,
  questionFiguresShown,
  questionGroupsShown,
  surveyFigures,
} from "~/domain/survey/disclosure";
import { type Combination, combinationKey, kAnonymousCombinations } from "~/domain/survey/export-anonymity";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";
import { isPublishedResponse } from "./responses.server";

/**
 * The one way to a survey's answer figures and per-group counts. Pages, exports, CLI commands and
 * analytics call these functions and get only what app/domain/survey/disclosure.ts allows; nothing
 * else reads the answer tallies or the respondents per group.
 */
export type DisclosedSurvey = Pick<Survey, "id" | "status" | "min_group_size">;

export interface QuestionCounts {
  /** People who answered the question. */
  respondents: number;
  /** Answers per option value. */
  counts: Readonly<Record<number, number>>;
}

export type DisclosedGroup =
  | {
      name: string;
      suppressed: false;
      respondents: number;
      /** Per question id; null where the group's respondents to that question are too few (but not none). */
      questions: ReadonlyMap<number, QuestionCounts | null>;
    }
  | { name: string; suppressed: true };

export interface DisclosedTallies {
  respondents: number;
  figures: FiguresDecision;
  /** Per question id; null where the question's own respondents are too few. Empty unless figures are shown. */
  questions: ReadonlyMap<number, QuestionCounts | null>;
  /** Groups in the hierarchy's order; null without a dimension or unless figures are shown. */
  breakdown: { dimension: BreakdownDimension; groups: DisclosedGroup[] } | null;
}

/** Everyone who answered the survey (a count, which is given whatever the figures' state). */
export async function countRespondents(db: Db, surveyId: number): Promise<number> {
  const row = await db
    .selectFrom("respondent_tallies")
    .select("count")
    .where("survey_id", "=", surveyId)
    .where("dimension", "=", "all")
    .executeTakeFirst();
  return row?.count ?? 0;
}

/** Whether the survey's answer figures may be shown at all, with its respondent count. */
export async function surveyDisclosure(db: Db, survey: DisclosedSurvey): Promise<{ respondents: number; figures: FiguresDecision }> {
  const respondents = await countRespondents(db, survey.id);
  return { respondents, figures: surveyFigures({ status: survey.status, minimumSize: survey.min_group_size }, respondents) };
}

/**
 * Eligible staff and respondents per department, for response rates (given while a survey is
 * open: they are participation, not answers). Departments are the groups fixed at open; any under
 * the minimum are pooled into the withheld group (see participationGroups).
 */
export async function departmentParticipation(db: Db, survey: DisclosedSurvey): Promise<ParticipationGroup[]> {
  const [eligibleRows, respondentRows] = await Promise.all([
    db.selectFrom("survey_eligible_counts").select(["department", "eligible"]).where("survey_id", "=", survey.id).orderBy("department").execute(),
    db
      .selectFrom("respondent_tallies")
      .select(["group_name", "count"])
      .where("survey_id", "=", survey.id)
      .where("dimension", "=", "department")
      .execute(),
  ]);
  const respondents = new Map(respondentRows.map((row) => [row.group_name, row.count]));
  return participationGroups(
    eligibleRows.map((row) => ({ name: row.department, eligible: row.eligible, respondents: respondents.get(row.department) ?? 0 })),
    survey.min_group_size,
  );
}

/**
 * Group names as the city lists them: age bands, job levels and employment types in the roster's
 * order, 部 in the order the roster first listed them; anything else after them, by name.
 */
export async function groupOrder(db: Db, by: BreakdownDimension): Promise<string[]> {
  if (by === "age_band") return AGE_BANDS.map((band) => AGE_BAND_LABELS[band].label_ja);
  if (by === "job_level") return (await db.selectFrom("job_levels").select("name_ja").orderBy("sort_order").execute()).map((r) => r.name_ja);
  if (by === "employment_type") {
    return (await db.selectFrom("employment_types").select("name_ja").orderBy("sort_order").execute()).map((r) => r.name_ja);
  }
  return (await db.selectFrom("departments").select("name").where("parent_id", "is", null).orderBy("id").execute()).map((r) => r.name);
}

function sortByOrder<G extends { name: string }>(groups: G[], order: readonly string[]): G[] {
  const rank = new Map(order.map((name, index) => [name, index]));
  const of = (name: string) => rank.get(name) ?? order.length;
  return groups.sort((a, b) => of(a.name) - of(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Answer counts of the given questions, overall and (with a dimension) per group, as far as the
 * disclosure rules allow: nothing while the survey is open or under its minimum; per question only
 * with enough respondents of its own; per group only for groups (and group × question cells) that
 * suppression leaves shown.
 */
export async function disclosedTallies(
  db: Db,
  survey: DisclosedSurvey,
  questionIds: readonly number[],
  by: BreakdownDimension | null,
): Promise<DisclosedTallies> {
  const respondentRows = await db
    .selectFrom("respondent_tallies")
    .select(["dimension", "group_name", "count"])
    .where("survey_id", "=", survey.id)
    .where("dimension", "in", by ? ["all", by] : ["all"])
    .execute();
  const respondents = respondentRows.find((row) => row.dimension === "all")?.count ?? 0;
  const figures = surveyFigures({ status: survey.status, minimumSize: survey.min_group_size }, respondents);
  if (!figures.shown || questionIds.length === 0) return { respondents, figures, questions: new Map(), breakdown: null };

  const dimensions = by ? ["all", by] : ["all"];
  const [questionRespondentRows, answerRows, order] = await Promise.all([
    db
      .selectFrom("question_respondent_tallies")
      .select(["question_id", "dimension", "group_name", "count"])
      .where("question_id", "in", [...questionIds])
      .where("dimension", "in", dimensions)
      .execute(),
    db
      .selectFrom("answer_tallies")
      .select(["question_id", "dimension", "group_name", "value", "count"])
      .where("question_id", "in", [...questionIds])
      .where("dimension", "in", dimensions)
      .execute(),
    by ? groupOrder(db, by) : Promise.resolve([]),
  ]);

  const cells = new Map<string, { respondents: number; counts: Record<number, number> }>();
  const cell = (questionId: number, dimension: string, group: string) => {
    const key = `${questionId}\u0000${dimension}\u0000${group}`;
    let entry = cells.get(key);
    if (!entry) {
      entry = { respondents: 0, counts: {} };
      cells.set(key, entry);
    }
    return entry;
  };
  for (const row of questionRespondentRows) cell(row.question_id, row.dimension, row.group_name).respondents = row.count;
  for (const row of answerRows) cell(row.question_id, row.dimension, row.group_name).counts[row.value] = row.count;

  const minimum = survey.min_group_size;
  const questions = new Map<number, QuestionCounts | null>(
    questionIds.map((id) => {
      const overall = cell(id, "all", "");
      return [id, questionFiguresShown(overall.respondents, minimum) ? overall : null];
    }),
  );
  if (!by) return { respondents, figures, questions, breakdown: null };

  const decided = breakdownGroups(
    sortByOrder(
      respondentRows.filter((row) => row.dimension === by).map((row) => ({ name: row.group_name, respondents: row.count })),
      order,
    ),
    minimum,
  );
  const shownCells = new Map(
    questionIds.map((id) => [
      id,
      questionGroupsShown(
        decided.map((entry) => {
          const name = entry.suppressed ? entry.name : entry.group.name;
          return { name, questionRespondents: cell(id, by, name).respondents, groupShown: !entry.suppressed };
        }),
        minimum,
      ),
    ]),
  );
  const groups = decided.map((entry): DisclosedGroup => {
    if (entry.suppressed) return { name: entry.name, suppressed: true };
    const { name, respondents: groupRespondents } = entry.group;
    return {
      name,
      suppressed: false,
      respondents: groupRespondents,
      // A group where nobody answered the question reveals nobody: its empty counts are given.
      questions: new Map(
        questionIds.map((id) => {
          const counts = cell(id, by, name);
          return [id, shownCells.get(id)!.has(name) || counts.respondents === 0 ? counts : null];
        }),
      ),
    };
  });
  return { respondents, figures, questions, breakdown: { dimension: by, groups } };
}

export type CommentDisclosure =
  | { shown: false; reason: "survey_open" | "too_few_respondents" | "question_too_few_respondents"; respondents: number }
  | { shown: true; respondents: number; namedGroups: ReadonlySet<string> | null };

/**
 * Whether one question's written comments may be listed and, with a dimension, which groups may be
 * named beside them (twice the minimum, see commentGroupsNamed), judged on who answered the question.
 */
export async function commentDisclosure(
  db: Db,
  survey: DisclosedSurvey,
  questionId: number,
  by: BreakdownDimension | null,
): Promise<CommentDisclosure> {
  const { respondents, figures } = await surveyDisclosure(db, survey);
  if (!figures.shown) return { shown: false, reason: figures.reason, respondents };
  const rows = await db
    .selectFrom("question_respondent_tallies")
    .select(["dimension", "group_name", "count"])
    .where("question_id", "=", questionId)
    .where("dimension", "in", by ? ["all", by] : ["all"])
    .execute();
  const answered = rows.find((row) => row.dimension === "all")?.count ?? 0;
  if (!questionFiguresShown(answered, survey.min_group_size)) return { shown: false, reason: "question_too_few_respondents", respondents };
  const groups = rows.filter((row) => row.dimension === by).map((row) => ({ name: row.group_name, respondents: row.count }));
  return { shown: true, respondents, namedGroups: by ? commentGroupsNamed(groups, survey.min_group_size) : null };
}

export type ResponseGroups = Readonly<Record<BreakdownDimension, string | null>>;

export interface RowRelease {
  /** Questions whose answers may be given (enough respondents of their own). */
  questionsShown: ReadonlySet<number>;
  /** The group columns as a row may show them: k-anonymous over the whole export. */
  groupsOf(stored: ResponseGroups): ResponseGroups;
}

export type RowReleaseDecision = { shown: false; reason: "survey_open" | "too_few_respondents" } | ({ shown: true; respondents: number } & RowRelease);

/**
 * How the row-level data of a survey may be released: withheld while open or under the minimum;
 * otherwise, groups the results pages would hide are blanked, and then, whatever the stored
 * groups are, rows are generalised by local suppression until every combination of group columns
 * is shared by at least the minimum number of rows (k = the survey's minimum group size). A stored
 * combination not seen when the plan was made (the survey changed meanwhile) is released blank.
 */
export async function rowRelease(db: Db, survey: DisclosedSurvey, questionIds: readonly number[]): Promise<RowReleaseDecision> {
  const { respondents, figures } = await surveyDisclosure(db, survey);
  if (!figures.shown) return figures;
  const minimum = survey.min_group_size;
  const [groupRows, questionRows, combinations] = await Promise.all([
    db
      .selectFrom("respondent_tallies")
      .select(["dimension", "group_name", "count"])
      .where("survey_id", "=", survey.id)
      .where("dimension", "in", [...BREAKDOWN_DIMENSIONS])
      .execute(),
    questionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom("question_respondent_tallies")
          .select(["question_id", "count"])
          .where("question_id", "in", [...questionIds])
          .where("dimension", "=", "all")
          .execute(),
    // Only rows an export can give: counting an import still being written would let a
    // combination pass as k rows while fewer of them are released.
    db
      .selectFrom("survey_responses")
      .select((eb) => [...BREAKDOWN_DIMENSIONS, eb.fn.countAll<number>().as("rows")])
      .where("survey_id", "=", survey.id)
      .where(isPublishedResponse)
      .groupBy([...BREAKDOWN_DIMENSIONS])
      .execute(),
  ]);

  const named = Object.fromEntries(
    BREAKDOWN_DIMENSIONS.map((dimension) => [
      dimension,
      new Set(
        breakdownGroups(
          groupRows.filter((row) => row.dimension === dimension).map((row) => ({ name: row.group_name, respondents: row.count })),
          minimum,
        ).flatMap((entry) => (entry.suppressed ? [] : [entry.group.name])),
      ),
    ]),
  ) as Record<BreakdownDimension, Set<string>>;
  const visible = (stored: ResponseGroups): Combination =>
    BREAKDOWN_DIMENSIONS.map((dimension) => {
      const value = stored[dimension];
      return value !== null && named[dimension].has(value) ? value : null;
    });
  const visibleCounts = new Map<string, { values: Combination; count: number }>();
  for (const row of combinations) {
    const values = visible(row);
    const key = combinationKey(values);
    const entry = visibleCounts.get(key) ?? { values, count: 0 };
    entry.count += Number(row.rows);
    visibleCounts.set(key, entry);
  }
  const released = kAnonymousCombinations([...visibleCounts.values()], minimum);
  const blank = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((dimension) => [dimension, null])) as ResponseGroups;
  // A few hundred stored combinations for any number of rows: each is worked out once.
  const byStored = new Map<string, ResponseGroups>();
  return {
    shown: true,
    respondents,
    questionsShown: new Set(questionRows.filter((row) => questionFiguresShown(row.count, minimum)).map((row) => row.question_id)),
    groupsOf(stored) {
      const key = combinationKey(BREAKDOWN_DIMENSIONS.map((dimension) => stored[dimension]));
      let groups = byStored.get(key);
      if (!groups) {
        const values = released.get(combinationKey(visible(stored)));
        groups = values ? (Object.fromEntries(BREAKDOWN_DIMENSIONS.map((dimension, index) => [dimension, values[index] ?? null])) as ResponseGroups) : blank;
        byStored.set(key, groups);
      }
      return groups;
    },
  };
}

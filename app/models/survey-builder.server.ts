import type { Kysely } from "kysely";
import type { Database, Survey } from "#db/schema";
import {
  type BuilderIssue,
  type BuilderSection,
  type Direction,
  type QuestionDraft,
  checkDeleteQuestion,
  checkDeleteSection,
  checkOrder,
  checkQuestion,
  eligibilityToStore,
  moveQuestionIn,
  moveSectionIn,
  possibleTriggers,
} from "~/domain/survey/builder";
import type { QuestionType } from "~/domain/survey/scales";
import type { Db } from "~/utils/db.server";
import { type Actor, recordAudit } from "./audit.server";
import { SurveyError, type SurveyDefinition, loadSurveyDefinition } from "./surveys.server";

/** A builder action the rules refuse, with every reason (shown next to the fields). */
export class BuilderRefused extends Error {
  constructor(readonly issues: BuilderIssue[]) {
    super(`builder refused: ${issues.map((i) => i.key).join(", ")}`);
  }
}

/** A section or question that is not part of the survey. */
export class BuilderNotFound extends Error {}

export interface SectionInput {
  title_ja: string;
  title_en: string;
  eligibility: readonly string[];
}

export interface QuestionInput extends QuestionDraft {
  text_ja: string;
  text_en: string;
  required: boolean;
}

export async function employmentTypes(db: Db) {
  return db.selectFrom("employment_types").select(["code", "name_ja", "name_en"]).orderBy("sort_order").execute();
}

/** The structure as the builder rules see it. */
export function builderSections(definition: SurveyDefinition): BuilderSection[] {
  return definition.sections.map((section) => ({
    id: section.id,
    questions: section.questions.map((q) => ({
      id: q.id,
      code: q.code,
      type: q.type,
      optionValues: q.type === "free_text" ? [] : q.options.map((o) => o.value),
      showIf: q.showIf,
      hasKpi: q.kpi !== null,
    })),
  }));
}

/**
 * Whether the structure may still change: only a draft with no answers (a draft may hold
 * imported past answers, which name its questions).
 */
export async function isEditable(db: Db, survey: Survey): Promise<boolean> {
  if (survey.status !== "draft") return false;
  const answered = await db.selectFrom("survey_responses").select("id").where("survey_id", "=", survey.id).limit(1).executeTakeFirst();
  return answered === undefined;
}

async function editableDefinition(db: Db, code: string): Promise<SurveyDefinition> {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) throw new SurveyError("unknown_survey", code);
  if (!(await isEditable(db, definition.survey))) throw new SurveyError("not_draft", code);
  return definition;
}

/** Positions follow the given order: sections 1..n, questions 1..N across the whole survey. */
async function renumber(db: Db, sections: readonly BuilderSection[]) {
  let questionPosition = 0;
  for (const [index, section] of sections.entries()) {
    await db.updateTable("survey_sections").set({ position: index + 1 }).where("id", "=", section.id).execute();
    for (const question of section.questions) {
      await db
        .updateTable("survey_questions")
        .set({ position: ++questionPosition, section_id: section.id })
        .where("id", "=", question.id)
        .execute();
    }
  }
}

async function touch(db: Db, surveyId: number, now: Date) {
  await db.updateTable("surveys").set({ updated_at: now.toISOString() }).where("id", "=", surveyId).execute();
}

function sectionValues(input: SectionInput, known: readonly string[]) {
  const eligible = eligibilityToStore(input.eligibility, known);
  return { title_ja: input.title_ja, title_en: input.title_en, eligible_employment_types: eligible ? JSON.stringify(eligible) : null };
}

function refuseUnknownTypes(input: { eligibility: readonly string[] }, known: readonly string[]) {
  const unknown = input.eligibility.filter((code) => !known.includes(code));
  if (unknown.length > 0) throw new BuilderRefused([{ field: "eligibility", key: "eligibilityUnknown", params: { detail: unknown.join(", ") } }]);
}

export async function addSection(db: Kysely<Database>, code: string, input: SectionInput, actor: Actor, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    const known = (await employmentTypes(trx)).map((t) => t.code);
    refuseUnknownTypes(input, known);
    const { id } = await trx
      .insertInto("survey_sections")
      .values({ survey_id: definition.survey.id, position: definition.sections.length + 1, ...sectionValues(input, known) })
      .returning("id")
      .executeTakeFirstOrThrow();
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.section_add", { code, sections: definition.sections.length + 1 }, null, now);
    return id;
  });
}

function requireSection(definition: SurveyDefinition, sectionId: number) {
  const section = definition.sections.find((s) => s.id === sectionId);
  if (!section) throw new BuilderNotFound(`section ${sectionId}`);
  return section;
}

function requireQuestion(definition: SurveyDefinition, questionId: number) {
  for (const section of definition.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return { section, question };
  }
  throw new BuilderNotFound(`question ${questionId}`);
}

export async function updateSection(db: Kysely<Database>, code: string, sectionId: number, input: SectionInput, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    requireSection(definition, sectionId);
    const known = (await employmentTypes(trx)).map((t) => t.code);
    refuseUnknownTypes(input, known);
    await trx.updateTable("survey_sections").set(sectionValues(input, known)).where("id", "=", sectionId).execute();
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.section_edit", { code, section: sectionId }, null, now);
  });
}

export async function deleteSection(db: Kysely<Database>, code: string, sectionId: number, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    const section = requireSection(definition, sectionId);
    const sections = builderSections(definition);
    const issues = checkDeleteSection(sections, sectionId);
    if (issues.length > 0) throw new BuilderRefused(issues);
    const ids = section.questions.map((q) => q.id);
    if (ids.length > 0) {
      // Follow-ups inside the section go with their triggers; unlink them first so the order of deletion does not matter.
      await trx.updateTable("survey_questions").set({ show_if_question_id: null, show_if_values: null }).where("id", "in", ids).execute();
      await trx.deleteFrom("survey_questions").where("id", "in", ids).execute();
    }
    await trx.deleteFrom("survey_sections").where("id", "=", sectionId).execute();
    await renumber(trx, sections.filter((s) => s.id !== sectionId));
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.section_delete", { code, questions: ids.length }, null, now);
  });
}

/** Moves a section a step; false when it is already at that end. */
export async function moveSection(db: Kysely<Database>, code: string, sectionId: number, direction: Direction, actor: Actor, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    requireSection(definition, sectionId);
    const moved = moveSectionIn(builderSections(definition), sectionId, direction);
    if (!moved) return false;
    const issues = checkOrder(moved);
    if (issues.length > 0) throw new BuilderRefused(issues);
    await renumber(trx, moved);
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.section_move", { code, direction }, null, now);
    return true;
  });
}

function questionValues(input: QuestionInput, known: readonly string[]) {
  const eligible = eligibilityToStore(input.eligibility, known);
  return {
    code: input.code,
    type: input.type satisfies QuestionType,
    text_ja: input.text_ja,
    text_en: input.text_en,
    required: input.required ? 1 : 0,
    max_choices: input.type === "multiple_choice" ? input.maxChoices : null,
    eligible_employment_types: eligible ? JSON.stringify(eligible) : null,
    show_if_question_id: input.showIfQuestionId,
    show_if_values: input.showIfQuestionId === null ? null : JSON.stringify(input.showIfValues),
  };
}

export async function addQuestion(db: Kysely<Database>, code: string, sectionId: number, input: QuestionInput, actor: Actor, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    requireSection(definition, sectionId);
    const known = (await employmentTypes(trx)).map((t) => t.code);
    const sections = builderSections(definition);
    const check = checkQuestion(input, { sections, sectionId, questionId: null, knownEmploymentTypes: known });
    if (!check.ok) throw new BuilderRefused(check.issues);
    const { id } = await trx
      .insertInto("survey_questions")
      .values({ survey_id: definition.survey.id, section_id: sectionId, position: 0, ...questionValues(input, known) })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (check.options.length > 0) {
      await trx
        .insertInto("question_options")
        .values(check.options.map((o, i) => ({ question_id: id, value: i + 1, ...o })))
        .execute();
    }
    const placed = sections.map((s) => (s.id === sectionId ? { ...s, questions: [...s.questions, { id } as BuilderSection["questions"][number]] } : s));
    await renumber(trx, placed);
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.question_add", { code, question: input.code, type: input.type, options: check.options.length }, null, now);
    return id;
  });
}

export async function updateQuestion(db: Kysely<Database>, code: string, questionId: number, input: QuestionInput, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    const { section } = requireQuestion(definition, questionId);
    const known = (await employmentTypes(trx)).map((t) => t.code);
    const check = checkQuestion(input, { sections: builderSections(definition), sectionId: section.id, questionId, knownEmploymentTypes: known });
    if (!check.ok) throw new BuilderRefused(check.issues);
    await trx.updateTable("survey_questions").set(questionValues(input, known)).where("id", "=", questionId).execute();
    // KPI rows are left as they are: a KPI question stays a rating question (checked above).
    await trx.deleteFrom("question_options").where("question_id", "=", questionId).execute();
    if (check.options.length > 0) {
      await trx
        .insertInto("question_options")
        .values(check.options.map((o, i) => ({ question_id: questionId, value: i + 1, ...o })))
        .execute();
    }
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.question_edit", { code, question: input.code, type: input.type, options: check.options.length }, null, now);
  });
}

export async function deleteQuestion(db: Kysely<Database>, code: string, questionId: number, actor: Actor, now = new Date()) {
  await db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    const { question } = requireQuestion(definition, questionId);
    const sections = builderSections(definition);
    const issues = checkDeleteQuestion(sections, questionId);
    if (issues.length > 0) throw new BuilderRefused(issues);
    await trx.deleteFrom("survey_questions").where("id", "=", questionId).execute();
    await renumber(
      trx,
      sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) })),
    );
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.question_delete", { code, question: question.code }, null, now);
  });
}

/** Moves a question a step (across into the neighbouring section at a section's edge); false when it cannot go further. */
export async function moveQuestion(db: Kysely<Database>, code: string, questionId: number, direction: Direction, actor: Actor, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const definition = await editableDefinition(trx, code);
    const { question } = requireQuestion(definition, questionId);
    const moved = moveQuestionIn(builderSections(definition), questionId, direction);
    if (!moved) return false;
    const issues = checkOrder(moved);
    if (issues.length > 0) throw new BuilderRefused(issues);
    await renumber(trx, moved);
    await touch(trx, definition.survey.id, now);
    await recordAudit(trx, actor, "survey.question_move", { code, question: question.code, direction }, null, now);
    return true;
  });
}

/** What every builder page needs: the survey's structure, whether it may change, and the employment types. */
export async function loadBuilderPage(db: Db, code: string) {
  const definition = await loadSurveyDefinition(db, code);
  if (!definition) return null;
  const [editable, types] = await Promise.all([isEditable(db, definition.survey), employmentTypes(db)]);
  return { definition, editable, types };
}

/** Earlier questions a follow-up at this place may depend on, with their answers (for the question form). */
export function triggerChoices(definition: SurveyDefinition, sectionId: number, questionId: number | null) {
  const byId = new Map(definition.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  return possibleTriggers({ sections: builderSections(definition), sectionId, questionId }).map((trigger) => {
    const q = byId.get(trigger.id)!;
    return { id: q.id, code: q.code, text_ja: q.text_ja, text_en: q.text_en, options: q.options };
  });
}

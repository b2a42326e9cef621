import type { Survey } from "#db/schema";
import type { RespondentGroups } from "~/domain/survey/respondent-groups";
import {
  type Combination,
  type ReportingDimensions,
  type RosterFacts,
  WITHHELD_GROUP,
  combinationKey,
  generalisedGroups,
  parseReportingDimensions,
  staffBelowK,
  suppressToK,
} from "~/domain/survey/reporting-groups";
import { BREAKDOWN_DIMENSIONS } from "~/domain/survey/suppression";
import type { Db } from "~/utils/db.server";

/** The roster facts a response's groups are taken from, for active staff (all of them, or those given). */
export async function rosterFacts(db: Db, staffIds?: readonly number[]) {
  let query = db
    .selectFrom("staff")
    .innerJoin("departments", "departments.id", "staff.department_id")
    .innerJoin("job_levels", "job_levels.code", "staff.job_level_code")
    .innerJoin("employment_types", "employment_types.code", "staff.employment_type_code")
    .select([
      "staff.id",
      "departments.path as departmentPath",
      "job_levels.code as jobLevelCode",
      "job_levels.name_ja as jobLevelName",
      "employment_types.name_ja as employmentTypeName",
      "staff.employment_type_code as employmentType",
      "staff.birth_year as birthYear",
    ])
    .where("staff.active", "=", 1);
  if (staffIds) query = query.where("staff.id", "in", staffIds);
  const rows = await query.execute();
  return new Map(rows.map(({ id, ...facts }) => [id, facts]));
}

export type RespondentProfile = RosterFacts & { employmentType: string };

async function rosterCombinations(db: Db, dimensions: ReportingDimensions, fiscalYear: number): Promise<Combination[]> {
  const combinations = new Map<string, Combination>();
  for (const person of (await rosterFacts(db)).values()) {
    const groups = generalisedGroups(person, dimensions, fiscalYear);
    const key = combinationKey(groups);
    const combination = combinations.get(key);
    if (combination) combination.staff += 1;
    else combinations.set(key, { groups, staff: 1 });
  }
  return [...combinations.values()];
}

export interface ReportingPreview {
  staff: number;
  /** Staff whose combination, at these generalisations, fewer than k share. */
  belowK: number;
}

/** What HR sees before opening: how many staff would withhold some of their groups. */
export async function previewReportingGroups(db: Db, survey: Survey, dimensions = parseReportingDimensions(survey.report_dimensions)): Promise<ReportingPreview> {
  const combinations = await rosterCombinations(db, dimensions, survey.fiscal_year);
  return { staff: combinations.reduce((total, c) => total + c.staff, 0), belowK: staffBelowK(combinations, survey.min_group_size) };
}

/**
 * Fixes at open what a response from each combination of the roster stores (k = the survey's
 * minimum group size), and returns the staff per stored department: the response-rate denominators.
 */
export async function fixReportingGroups(trx: Db, survey: Survey): Promise<Map<string, number>> {
  const dimensions = parseReportingDimensions(survey.report_dimensions);
  const combinations = await rosterCombinations(trx, dimensions, survey.fiscal_year);
  const stored = suppressToK(combinations, survey.min_group_size);
  await trx.deleteFrom("survey_reporting_groups").where("survey_id", "=", survey.id).execute();
  const rows = [...stored].map(([combination, { groups, classSize }]) => ({ survey_id: survey.id, combination, ...groups, staff_count: classSize }));
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto("survey_reporting_groups").values(rows.slice(i, i + 500)).execute();
  const eligible = new Map<string, number>();
  for (const combination of combinations) {
    const department = stored.get(combinationKey(combination.groups))!.groups.department ?? WITHHELD_GROUP;
    eligible.set(department, (eligible.get(department) ?? 0) + combination.staff);
  }
  return eligible;
}

const matches = (stored: RespondentGroups, own: RespondentGroups) =>
  BREAKDOWN_DIMENSIONS.every((dimension) => stored[dimension] === own[dimension] || stored[dimension] === WITHHELD_GROUP);

/**
 * The groups each person's response stores, from what was fixed at open. Someone whose combination
 * was not in the roster then (moved or hired since) takes the largest stored combination that fits
 * them, every dimension withheld at worst (so too on a survey opened before groups were fixed at
 * open, which has none to look up).
 */
export async function reportingGroupsOf(trx: Db, survey: Survey, people: readonly RosterFacts[]): Promise<RespondentGroups[]> {
  const dimensions = parseReportingDimensions(survey.report_dimensions);
  const own = people.map((person) => generalisedGroups(person, dimensions, survey.fiscal_year));
  const keys = [...new Set(own.map(combinationKey))];
  const rows = await trx
    .selectFrom("survey_reporting_groups")
    .select(["combination", "department", "job_level", "age_band", "employment_type", "staff_count"])
    .where("survey_id", "=", survey.id)
    .where("combination", "in", keys)
    .execute();
  const byKey = new Map(rows.map((row) => [row.combination, row]));
  const unknown = own.filter((groups) => !byKey.has(combinationKey(groups)));
  const all =
    unknown.length === 0
      ? []
      : await trx
          .selectFrom("survey_reporting_groups")
          .select(["department", "job_level", "age_band", "employment_type", "staff_count"])
          .where("survey_id", "=", survey.id)
          .orderBy("staff_count", "desc")
          .execute();
  const fullyWithheld = Object.fromEntries(BREAKDOWN_DIMENSIONS.map((d) => [d, own[0]?.[d] === null ? null : WITHHELD_GROUP]));
  return own.map((groups) => {
    const fixed = byKey.get(combinationKey(groups));
    const stored = fixed ?? all.find((row) => matches(row, groups));
    if (stored) return { department: stored.department, job_level: stored.job_level, age_band: stored.age_band, employment_type: stored.employment_type };
    return fullyWithheld as RespondentGroups;
  });
}

/**
 * The department group (部 or 課) that a person's answers to a survey opened to staff are counted
 * under, as fixed at open: null when that is the withheld group, when they are not active staff,
 * or when the survey was never opened (its answers were imported with the groups their file gave,
 * which no roster lookup can tell).
 */
export async function storedDepartmentOf(db: Db, survey: Survey, staffId: number): Promise<string | null> {
  if (survey.opened_at === null) return null;
  const facts = (await rosterFacts(db, [staffId])).get(staffId);
  if (!facts) return null;
  const [groups] = await reportingGroupsOf(db, survey, [facts]);
  const department = groups?.department ?? null;
  return department === WITHHELD_GROUP ? null : department;
}

import { AGE_BAND_LABELS, ageBandOf } from "./age-band";
import type { BreakdownDimension } from "./suppression";

/** The groups a response is counted in, as the city names them in its reports. */
export type RespondentGroups = Readonly<Record<BreakdownDimension, string | null>>;

/** Results are broken down by 部, the first level of a department path. */
export function topDepartment(path: string): string {
  return path.split("/")[0] ?? path;
}

/**
 * The snapshot stored with a web response: Japanese names (as in the city's tables and in
 * imported files), so both sources fall into the same groups.
 */
export function respondentGroups(
  person: { departmentPath: string; jobLevelName: string; employmentTypeName: string; birthYear: number },
  fiscalYear: number,
): RespondentGroups {
  return {
    department: topDepartment(person.departmentPath),
    job_level: person.jobLevelName,
    age_band: AGE_BAND_LABELS[ageBandOf(person.birthYear, fiscalYear)].label_ja,
    employment_type: person.employmentTypeName,
  };
}

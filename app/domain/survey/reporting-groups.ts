import { AGE_BAND_LABELS, ageBandOf } from "./age-band";
import type { RespondentGroups } from "./respondent-groups";
import { topDepartment } from "./respondent-groups";
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from "./suppression";

/**
 * How far each dimension a survey reports by is generalised. Department is always reported (the
 * response rates are by department): by 部 or by 課. The others may be left out (null).
 */
export interface ReportingDimensions {
  department: "department" | "section";
  job_level: "level" | "band" | null;
  age_band: "decade" | "wide" | null;
  employment_type: "type" | null;
}

export const REPORTING_LEVELS = {
  department: ["department", "section"],
  job_level: ["level", "band"],
  age_band: ["decade", "wide"],
  employment_type: ["type"],
} as const satisfies Record<BreakdownDimension, readonly string[]>;

/** What surveys reported by before HR could choose: 部, job level, ten-year age band, employment type. */
export const DEFAULT_REPORTING: ReportingDimensions = { department: "department", job_level: "level", age_band: "decade", employment_type: "type" };

/**
 * The group stored for a dimension a response cannot state without fewer than k staff sharing its
 * combination. A data value like the 部 names (which are Japanese in every language).
 */
export const WITHHELD_GROUP = "非公表";

export function parseReportingDimensions(json: string | null): ReportingDimensions {
  if (json === null) return DEFAULT_REPORTING;
  const stored = JSON.parse(json) as Partial<Record<BreakdownDimension, string | null>>;
  const pick = <D extends BreakdownDimension>(dimension: D, optional: boolean) => {
    const value = stored[dimension] ?? null;
    if (value === null && optional) return null;
    return (REPORTING_LEVELS[dimension] as readonly string[]).includes(value ?? "") ? value : DEFAULT_REPORTING[dimension];
  };
  return {
    department: pick("department", false) as ReportingDimensions["department"],
    job_level: pick("job_level", true) as ReportingDimensions["job_level"],
    age_band: pick("age_band", true) as ReportingDimensions["age_band"],
    employment_type: pick("employment_type", true) as ReportingDimensions["employment_type"],
  };
}

/** Three bands of the ten job levels, as the city's reports group them. */
const JOB_LEVEL_BANDS: Readonly<Record<string, string>> = {
  director: "管理職",
  section_chief: "管理職",
  assistant_chief: "監督職",
  unit_chief: "監督職",
  chief_technician: "監督職",
  lead_technician: "監督職",
  senior_staff: "一般職",
  staff: "一般職",
  senior_technician: "一般職",
  technician: "一般職",
};

export interface RosterFacts {
  departmentPath: string;
  jobLevelCode: string;
  jobLevelName: string;
  employmentTypeName: string;
  birthYear: number;
}

/** 課: the first two levels of a department path (a 部 with no 課 stands for itself). */
function section(path: string): string {
  return path.split("/").slice(0, 2).join("/");
}

/**
 * A person's groups at the chosen generalisation, named as the city's tables name them (so web
 * responses and imported files fall into the same groups); null for a dimension not reported.
 */
export function generalisedGroups(person: RosterFacts, dimensions: ReportingDimensions, fiscalYear: number): RespondentGroups {
  const age = dimensions.age_band === null ? null : ageBandOf(person.birthYear, fiscalYear);
  return {
    department: dimensions.department === "section" ? section(person.departmentPath) : topDepartment(person.departmentPath),
    job_level:
      dimensions.job_level === null
        ? null
        : dimensions.job_level === "band"
          ? (JOB_LEVEL_BANDS[person.jobLevelCode] ?? person.jobLevelName)
          : person.jobLevelName,
    age_band: age === null ? null : dimensions.age_band === "wide" ? (age === "under30" || age === "30s" ? "39歳以下" : "40歳以上") : AGE_BAND_LABELS[age].label_ja,
    employment_type: dimensions.employment_type === null ? null : person.employmentTypeName,
  };
}

/** A stable text key for a combination of groups. */
export function combinationKey(groups: RespondentGroups): string {
  return JSON.stringify(BREAKDOWN_DIMENSIONS.map((dimension) => groups[dimension]));
}

export interface Combination {
  groups: RespondentGroups;
  /** Staff in the roster at open who have exactly this combination. */
  staff: number;
}

export interface StoredCombination {
  /** What a response from this combination stores: some dimensions may be WITHHELD_GROUP. */
  groups: RespondentGroups;
  /** Staff in the roster whose responses store exactly these groups. */
  classSize: number;
}

/** Which dimension goes first when several merge equally well: the least used in the city's reports. */
const WITHHOLD_PREFERENCE: readonly BreakdownDimension[] = ["age_band", "employment_type", "job_level", "department"];

/** Staff whose combination fewer than k share: what HR is shown before opening. */
export function staffBelowK(combinations: readonly Combination[], k: number): number {
  return combinations.reduce((total, combination) => total + (combination.staff < k ? combination.staff : 0), 0);
}

/**
 * Greedy local suppression. Every combination of the roster is mapped to the groups its responses
 * store, so that each stored combination stands for at least k staff — counted as classes of the
 * mapping itself, since someone holding the roster can recompute it. A class under k withholds one
 * more dimension per round, the one that brings it together with the most staff (an existing class
 * plus the other small classes heading the same way; ties: age band, then employment type, job
 * level, department), until it reaches k. Staff who are left under k with
 * every dimension withheld take in the smallest other classes until they reach k too. Only when
 * the whole roster is under k does a class stay smaller. Deterministic: the same roster, the same map.
 */
export function suppressToK(combinations: readonly Combination[], k: number): Map<string, StoredCombination> {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a positive integer: ${k}`);
  /** Class key → the original combinations in it. */
  const classes = new Map<string, { groups: RespondentGroups; members: Combination[]; size: number }>();
  const join = (groups: RespondentGroups, members: Combination[]) => {
    const key = combinationKey(groups);
    const size = members.reduce((total, m) => total + m.staff, 0);
    const existing = classes.get(key);
    if (existing) {
      existing.members.push(...members);
      existing.size += size;
    } else {
      classes.set(key, { groups, members: [...members], size });
    }
  };
  for (const combination of combinations) if (combination.staff > 0) join(combination.groups, [combination]);

  const reported = (groups: RespondentGroups) => BREAKDOWN_DIMENSIONS.filter((d) => groups[d] !== null && groups[d] !== WITHHELD_GROUP);
  const bySizeThenKey = (a: [string, { size: number }], b: [string, { size: number }]) => a[1].size - b[1].size || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

  const withholding = (groups: RespondentGroups, dimension: BreakdownDimension) => ({ ...groups, [dimension]: WITHHELD_GROUP });
  for (let round = 0; round < BREAKDOWN_DIMENSIONS.length; round++) {
    const small = [...classes].filter(([, c]) => c.size < k && reported(c.groups).length > 0).sort(bySizeThenKey);
    if (small.length === 0) break;
    // Staff of this round's small classes that would meet in each withheld combination.
    const meeting = new Map<string, number>();
    for (const [, c] of small) {
      for (const dimension of reported(c.groups)) {
        const key = combinationKey(withholding(c.groups, dimension));
        meeting.set(key, (meeting.get(key) ?? 0) + c.size);
      }
    }
    for (const [key] of small) {
      const current = classes.get(key);
      if (!current || current.size >= k) continue;
      let best: { target: RespondentGroups; size: number } | null = null;
      for (const dimension of WITHHOLD_PREFERENCE) {
        if (!reported(current.groups).includes(dimension)) continue;
        const target = withholding(current.groups, dimension);
        const targetKey = combinationKey(target);
        const size = (classes.get(targetKey)?.size ?? 0) + (meeting.get(targetKey) ?? 0) - current.size;
        if (best === null || size > best.size) best = { target, size };
      }
      if (!best) continue;
      classes.delete(key);
      join(best.target, current.members);
    }
  }

  const smallest = [...classes].filter(([, c]) => c.size < k).sort(bySizeThenKey)[0];
  if (smallest) {
    // After one round per dimension only the class with every dimension withheld can be under k.
    const [key, remainder] = smallest;
    classes.delete(key);
    let size = remainder.size;
    const members = [...remainder.members];
    const others = [...classes].sort(bySizeThenKey);
    for (const [otherKey, other] of others) {
      if (size >= k) break;
      classes.delete(otherKey);
      members.push(...other.members);
      size += other.size;
    }
    join(remainder.groups, members);
  }

  const stored = new Map<string, StoredCombination>();
  for (const { groups, members, size } of classes.values()) {
    for (const member of members) stored.set(combinationKey(member.groups), { groups, classSize: size });
  }
  return stored;
}

import { describe, expect, it } from "vitest";
import {
  type Combination,
  DEFAULT_REPORTING,
  WITHHELD_GROUP,
  combinationKey,
  generalisedGroups,
  parseReportingDimensions,
  staffBelowK,
  suppressToK,
} from "~/domain/survey/reporting-groups";
import type { RespondentGroups } from "~/domain/survey/respondent-groups";

const person = { departmentPath: "総務部/人事課/人事係", jobLevelCode: "unit_chief", jobLevelName: "係長級", employmentTypeName: "常勤", birthYear: 1985 };

function groups(department: string, job_level: string | null, age_band: string | null, employment_type: string | null): RespondentGroups {
  return { department, job_level, age_band, employment_type };
}

/** Stored class sizes recounted from the map itself, as someone holding the roster would. */
function classSizes(combinations: readonly Combination[], stored: ReturnType<typeof suppressToK>) {
  const sizes = new Map<string, number>();
  for (const c of combinations.filter((c) => c.staff > 0)) {
    const key = combinationKey(stored.get(combinationKey(c.groups))!.groups);
    sizes.set(key, (sizes.get(key) ?? 0) + c.staff);
  }
  return sizes;
}

describe("generalisedGroups", () => {
  it("names groups as the city's tables do, at the chosen generalisation", () => {
    expect(generalisedGroups(person, DEFAULT_REPORTING, 2024)).toEqual(groups("総務部", "係長級", "30歳～39歳", "常勤"));
    expect(generalisedGroups(person, { department: "section", job_level: "band", age_band: "wide", employment_type: null }, 2024)).toEqual(
      groups("総務部/人事課", "監督職", "39歳以下", null),
    );
    expect(generalisedGroups(person, { department: "department", job_level: null, age_band: null, employment_type: "type" }, 2024)).toEqual(
      groups("総務部", null, null, "常勤"),
    );
  });

  it("reads stored choices, falling back to the defaults for unknown levels", () => {
    expect(parseReportingDimensions(null)).toEqual(DEFAULT_REPORTING);
    expect(parseReportingDimensions('{"department":"section","job_level":null,"age_band":"wide","employment_type":"type"}')).toEqual({
      department: "section",
      job_level: null,
      age_band: "wide",
      employment_type: "type",
    });
    expect(parseReportingDimensions('{"department":"nonsense","job_level":"band"}').department).toBe("department");
  });
});

describe("suppressToK", () => {
  it("keeps combinations that k staff share as they are", () => {
    const combinations = [
      { groups: groups("総務部", "主事", "29歳以下", "常勤"), staff: 5 },
      { groups: groups("福祉部", "主事", "29歳以下", "常勤"), staff: 7 },
    ];
    const stored = suppressToK(combinations, 5);
    for (const c of combinations) expect(stored.get(combinationKey(c.groups))).toEqual({ groups: c.groups, classSize: c.staff });
    expect(staffBelowK(combinations, 5)).toBe(0);
  });

  it("withholds the dimension that merges small combinations into one of k", () => {
    const combinations = [
      { groups: groups("総務部", "主事", "29歳以下", "常勤"), staff: 6 },
      { groups: groups("福祉部", "主事", "30歳～39歳", "常勤"), staff: 3 },
      { groups: groups("福祉部", "主事", "40歳～49歳", "常勤"), staff: 2 },
    ];
    const stored = suppressToK(combinations, 5);
    const merged = { groups: groups("福祉部", "主事", WITHHELD_GROUP, "常勤"), classSize: 5 };
    expect(stored.get(combinationKey(combinations[1]!.groups))).toEqual(merged);
    expect(stored.get(combinationKey(combinations[2]!.groups))).toEqual(merged);
    expect(stored.get(combinationKey(combinations[0]!.groups))).toEqual({ groups: combinations[0]!.groups, classSize: 6 });
    expect(staffBelowK(combinations, 5)).toBe(5);
  });

  it("prefers the dimension whose withholding joins the largest existing class", () => {
    const combinations = [
      { groups: groups("総務部", "主事", WITHHELD_GROUP, "常勤"), staff: 0 },
      { groups: groups("総務部", WITHHELD_GROUP, "50歳以上", "常勤"), staff: 0 },
      { groups: groups("総務部", "部長級", "50歳以上", "常勤"), staff: 1 },
      { groups: groups("総務部", "主事", "50歳以上", "常勤"), staff: 1 },
      { groups: groups("総務部", "主任", "50歳以上", "常勤"), staff: 3 },
    ];
    const stored = suppressToK(combinations, 5);
    // The three 50歳以上 combinations all withhold their job level (the smallest go first, then
    // the 主任 class joins them, 2 beating 0 for the age band).
    for (const c of combinations.slice(2)) {
      expect(stored.get(combinationKey(c.groups))).toEqual({ groups: groups("総務部", WITHHELD_GROUP, "50歳以上", "常勤"), classSize: 5 });
    }
  });

  it("leaves no stored combination that fewer than k staff share, on a roster full of unique combinations", () => {
    const departments = ["総務部", "福祉部", "区民生活部", "子ども未来部", "都市環境部"];
    const levels = ["主事", "主任", "係長級", "課長級", "部長級"];
    const ages = ["29歳以下", "30歳～39歳", "40歳～49歳", "50歳以上"];
    const types = ["常勤", "再任用", "会計年度任用"];
    const combinations: Combination[] = [];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const d of departments) for (const l of levels) for (const a of ages) for (const t of types) combinations.push({ groups: groups(d, l, a, t), staff: next() % 4 });
    for (const k of [2, 3, 5, 10]) {
      const stored = suppressToK(combinations, k);
      const sizes = classSizes(combinations, stored);
      expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(k);
      for (const c of combinations.filter((c) => c.staff > 0)) {
        const entry = stored.get(combinationKey(c.groups))!;
        expect(entry.classSize).toBe(sizes.get(combinationKey(entry.groups)));
        // A dimension is only ever withheld, never changed to another group.
        for (const dimension of ["department", "job_level", "age_band", "employment_type"] as const) {
          expect([c.groups[dimension], WITHHELD_GROUP]).toContain(entry.groups[dimension]);
        }
      }
    }
  });

  it("brings a lone fully withheld person up to k with the smallest other class", () => {
    const combinations = [
      { groups: groups("総務部", null, null, null), staff: 9 },
      { groups: groups("福祉部", null, null, null), staff: 6 },
      { groups: groups("区民生活部", null, null, null), staff: 1 },
    ];
    const stored = suppressToK(combinations, 5);
    const withheld = groups(WITHHELD_GROUP, null, null, null);
    expect(stored.get(combinationKey(combinations[2]!.groups))).toEqual({ groups: withheld, classSize: 7 });
    expect(stored.get(combinationKey(combinations[1]!.groups))).toEqual({ groups: withheld, classSize: 7 });
    expect(stored.get(combinationKey(combinations[0]!.groups))).toEqual({ groups: combinations[0]!.groups, classSize: 9 });
  });

  it("does not depend on the order of the roster", () => {
    const combinations = [
      { groups: groups("総務部", "主事", "29歳以下", "常勤"), staff: 2 },
      { groups: groups("総務部", "主任", "29歳以下", "常勤"), staff: 2 },
      { groups: groups("福祉部", "主事", "29歳以下", "常勤"), staff: 3 },
      { groups: groups("福祉部", "主事", "40歳～49歳", "常勤"), staff: 4 },
    ];
    expect([...suppressToK([...combinations].reverse(), 3)].sort()).toEqual([...suppressToK(combinations, 3)].sort());
  });
});

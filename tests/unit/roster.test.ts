import { describe, expect, it } from "vitest";
import {
  type ImportRules,
  type RosterReference,
  type StaffSnapshot,
  columnLetter,
  departmentAncestry,
  describeRosterProblem,
  localiseRosterIssues,
  normaliseDepartmentPath,
  normaliseKana,
  normaliseName,
  planRosterImport,
  prepareRosterImport,
  staffSearchTerms,
  validateRoster,
} from "~/domain/roster";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";

const reference: RosterReference = {
  jobLevels: [
    { code: "director", nameJa: "部長級", nameEn: "Director" },
    { code: "section_chief", nameJa: "課長級", nameEn: "Section chief" },
    { code: "unit_chief", nameJa: "係長級", nameEn: "Unit chief" },
    { code: "staff", nameJa: "主事", nameEn: "Staff" },
    { code: "technician", nameJa: "係員", nameEn: "Technician" },
  ],
  employmentTypes: [
    { code: "regular", nameJa: "常勤", nameEn: "Regular" },
    { code: "fiscal_year", nameJa: "会計年度任用", nameEn: "Fiscal-year appointment" },
  ],
};

const rules: ImportRules = { deactivateMissing: false, canChangeRoles: true, actingEmployeeNumber: null, currentYear: 2026 };

const HEADER = "employee_id,name,name_kana,email,department,job_level,employment_type,birth_year,supervisor_id,role";
const csv = (...lines: string[]) => `${lines.join("\n")}\n`;

function member(overrides: Partial<StaffSnapshot> & Pick<StaffSnapshot, "employeeNumber">): StaffSnapshot {
  return {
    id: 1,
    name: "山田\u3000太郎",
    nameKana: "ヤマダ\u3000タロウ",
    email: null,
    departmentPath: "総務部/人事課",
    jobLevelCode: "staff",
    employmentTypeCode: "regular",
    birthYear: 1980,
    supervisorNumber: null,
    role: "staff",
    active: true,
    ...overrides,
  };
}

function issuesOf(text: string, staff: StaffSnapshot[] = [], overrides: Partial<ImportRules> = {}) {
  const result = validateRoster(text, reference, staff, { ...rules, ...overrides });
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.issues;
}

function rowsOf(text: string, staff: StaffSnapshot[] = [], overrides: Partial<ImportRules> = {}) {
  const result = validateRoster(text, reference, staff, { ...rules, ...overrides });
  if (!result.ok) throw new Error(`unexpected issues: ${JSON.stringify(result.issues)}`);
  return result.rows;
}

describe("normalisers", () => {
  it("folds half-width katakana and any spaces into full-width", () => {
    expect(normaliseKana(" ﾔﾏﾀﾞ  ﾀﾛｳ ")).toBe("ヤマダ\u3000タロウ");
    expect(normaliseKana("ヤマダ\u3000タロウ")).toBe("ヤマダ\u3000タロウ");
  });

  it("spaces Japanese names with one full-width space and Latin names with a plain one", () => {
    expect(normaliseName(" 山田   太郎 ")).toBe("山田\u3000太郎");
    expect(normaliseName("山田\u3000太郎")).toBe("山田\u3000太郎");
    expect(normaliseName("Smith  John")).toBe("Smith John");
  });

  it("accepts 1 to 3 department levels with either slash", () => {
    expect(normaliseDepartmentPath(" 総務部／人事課 / 研修係 ")).toBe("総務部/人事課/研修係");
    expect(normaliseDepartmentPath("区民部")).toBe("区民部");
    expect(normaliseDepartmentPath("a/b/c/d")).toBeNull();
    expect(normaliseDepartmentPath("総務部//研修係")).toBeNull();
    expect(normaliseDepartmentPath(`${"部".repeat(51)}`)).toBeNull();
  });

  it("lists a department's ancestry from the top", () => {
    expect(departmentAncestry("総務部/人事課/研修係")).toEqual(["総務部", "総務部/人事課", "総務部/人事課/研修係"]);
  });

  it("names columns as Excel does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });

  it("turns a search box's text into name, kana and number terms", () => {
    expect(staffSearchTerms(" やまだ　たろう ")).toEqual({
      text: "やまだ たろう",
      kana: "ヤマダ\u3000タロウ",
      employeeNumberPrefix: "やまだ たろう",
    });
    expect(staffSearchTerms("ａ０１２").employeeNumberPrefix).toBe("A012");
  });
});

describe("validateRoster: headers", () => {
  it("reads English headers and normalises every cell", () => {
    const rows = rowsOf(
      csv(HEADER, "００１２, 山田 太郎 ,ﾔﾏﾀﾞ ﾀﾛｳ, yamada@example.lg.jp ,総務部／人事課,Section Chief,REGULAR,１９８０,,ADMIN"),
    );
    expect(rows).toEqual([
      {
        line: 2,
        values: {
          employeeNumber: "0012",
          name: "山田\u3000太郎",
          nameKana: "ヤマダ\u3000タロウ",
          email: "yamada@example.lg.jp",
          departmentPath: "総務部/人事課",
          jobLevelCode: "section_chief",
          employmentTypeCode: "regular",
          birthYear: 1980,
          supervisorNumber: null,
          role: "admin",
        },
      },
    ]);
  });

  it("reads Japanese headers in any order, without the optional columns", () => {
    const rows = rowsOf(csv("生年,所属,氏名カナ,氏名,職員番号,雇用形態,職層", "1990,区民部,スズキ イチロウ,鈴木 一郎,0099,会計年度任用,係員"));
    // No email, supervisor or role keys at all: "not in the file" keeps what the roster holds.
    expect(rows).toStrictEqual([
      {
        line: 2,
        values: {
          employeeNumber: "0099",
          name: "鈴木\u3000一郎",
          nameKana: "スズキ\u3000イチロウ",
          departmentPath: "区民部",
          jobLevelCode: "technician",
          employmentTypeCode: "fiscal_year",
          birthYear: 1990,
        },
      },
    ]);
  });

  it("accepts headers with other capitalisation, width and spacing", () => {
    const rows = rowsOf(csv("Employee ID,NAME,Name-Kana,Department,Job Level,Employment_Type,Birth Year", "1,a,ア,b,主事,常勤,1990"));
    expect(rows.map((row) => row.values.employeeNumber)).toEqual(["1"]);
  });

  it("reports an empty file and a header with no rows", () => {
    expect(issuesOf("")).toEqual([{ line: null, column: null, problem: { code: "emptyFile" } }]);
    expect(issuesOf(csv(HEADER, "", ""))).toEqual([{ line: null, column: null, problem: { code: "noDataRows" } }]);
  });

  it("reports unknown and duplicated headers as written, and missing columns in the file's language", () => {
    expect(issuesOf(csv("職員番号,氏名,氏名 カナ,所属,職層,雇用形態,氏名,誕生日", "1,a,ア,b,主事,常勤,c,1990"))).toEqual([
      { line: 1, column: "氏名 カナ", problem: { code: "unknownColumn" } },
      { line: 1, column: "氏名", problem: { code: "duplicateColumn" } },
      { line: 1, column: "誕生日", problem: { code: "unknownColumn" } },
      { line: 1, column: "氏名カナ", problem: { code: "missingColumn" } },
      { line: 1, column: "生年", problem: { code: "missingColumn" } },
    ]);
    expect(issuesOf(csv("employee_id,name", "1,a"))).toEqual(
      ["name_kana", "department", "job_level", "employment_type", "birth_year"].map((column) => ({
        line: 1,
        column,
        problem: { code: "missingColumn" },
      })),
    );
  });

  it("reports an unclosed quote at the record where it opens", () => {
    expect(issuesOf(csv(HEADER, '1,"a,ア,,b,主事,常勤,1990,,'))).toEqual([
      { line: 2, column: null, problem: { code: "unclosedQuote" } },
    ]);
  });

  it("reports values in columns that have no header", () => {
    expect(issuesOf(csv(`${HEADER},`, "1,a,ア,,b,主事,常勤,1990,,,", "2,b,イ,,b,主事,常勤,1990,,,x,y"))).toEqual([
      { line: 3, column: "K", problem: { code: "cellWithoutHeader" } },
      { line: 3, column: "L", problem: { code: "cellWithoutHeader" } },
    ]);
  });
});

describe("validateRoster: cells", () => {
  const row = (cells: Partial<Record<"id" | "name" | "kana" | "email" | "dept" | "level" | "type" | "year" | "sup" | "role", string>>) =>
    [
      cells.id ?? "0001",
      cells.name ?? "山田 太郎",
      cells.kana ?? "ヤマダ タロウ",
      cells.email ?? "",
      cells.dept ?? "総務部",
      cells.level ?? "主事",
      cells.type ?? "常勤",
      cells.year ?? "1980",
      cells.sup ?? "",
      cells.role ?? "",
    ].join(",");

  it.each([
    [{ id: "" }, "employee_id", { code: "required" }],
    [{ id: "12_3" }, "employee_id", { code: "employeeNumber" }],
    [{ id: "1".repeat(21) }, "employee_id", { code: "employeeNumber" }],
    [{ name: " " }, "name", { code: "required" }],
    [{ name: "山".repeat(101) }, "name", { code: "tooLong", max: 100 }],
    [{ kana: "" }, "name_kana", { code: "required" }],
    [{ kana: "やまだ たろう" }, "name_kana", { code: "kana" }],
    [{ kana: "Yamada" }, "name_kana", { code: "kana" }],
    [{ email: "yamada@" }, "email", { code: "email" }],
    [{ dept: "" }, "department", { code: "required" }],
    [{ dept: "a/b/c/d" }, "department", { code: "department", maxDepth: 3, maxLength: 50 }],
    [{ level: "" }, "job_level", { code: "required" }],
    [{ level: "班長" }, "job_level", { code: "jobLevel", choices: reference.jobLevels }],
    [{ type: "非常勤" }, "employment_type", { code: "employmentType", choices: reference.employmentTypes }],
    [{ year: "" }, "birth_year", { code: "required" }],
    [{ year: "80" }, "birth_year", { code: "birthYear", min: 1940, max: 2011 }],
    [{ year: "1980年" }, "birth_year", { code: "birthYear", min: 1940, max: 2011 }],
    [{ year: "1939" }, "birth_year", { code: "birthYear", min: 1940, max: 2011 }],
    [{ year: "2012" }, "birth_year", { code: "birthYear", min: 1940, max: 2011 }],
    [{ sup: "9-9_9" }, "supervisor_id", { code: "employeeNumber" }],
    [{ role: "boss" }, "role", { code: "role" }],
  ])("rejects %j in %s", (cells, column, problem) => {
    expect(issuesOf(csv(HEADER, row(cells)))).toEqual([{ line: 2, column, problem }]);
  });

  it("accepts the edges of the birth year range and full-width digits", () => {
    const years = rowsOf(csv(HEADER, row({ id: "1", year: "1940" }), row({ id: "2", year: "２０１１" }))).map((r) => r.values.birthYear);
    expect(years).toEqual([1940, 2011]);
  });

  it("accepts job levels and employment types by Japanese name, English name or code", () => {
    const rows = rowsOf(
      csv(HEADER, row({ id: "1", level: "係長級", type: "fiscal_year" }), row({ id: "2", level: "unit_chief", type: "Fiscal-year appointment" })),
    );
    expect(rows.map((r) => [r.values.jobLevelCode, r.values.employmentTypeCode])).toEqual([
      ["unit_chief", "fiscal_year"],
      ["unit_chief", "fiscal_year"],
    ]);
  });

  it("accepts roles in Japanese or English, and leaves an empty role for later", () => {
    const rows = rowsOf(csv(HEADER, row({ id: "1", role: "管理者" }), row({ id: "2", role: "人事" }), row({ id: "3", role: "職員" }), row({ id: "4" })));
    expect(rows.map((r) => r.values.role)).toEqual(["admin", "hr", "staff", null]);
  });

  it("lists every problem of every row, with Excel line numbers across a multi-line cell", () => {
    const text = csv(HEADER, row({ id: "1" }), `2,"山田\n太郎",ヤマダ タロウ,,総務部,主事,常勤,1980,,`, row({ id: "3", kana: "やまだ", year: "3000" }));
    expect(issuesOf(text)).toEqual([
      // A line break inside a name is refused (it would split the name wherever it is shown).
      { line: 3, column: "name", problem: { code: "controlCharacters" } },
      { line: 4, column: "name_kana", problem: { code: "kana" } },
      { line: 4, column: "birth_year", problem: { code: "birthYear", min: 1940, max: 2011 } },
    ]);
  });

  it("reports duplicate employee numbers, after normalisation, against their first line", () => {
    expect(issuesOf(csv(HEADER, row({ id: "0001" }), row({ id: "0002" }), row({ id: "０００１" }), row({ id: "0002" })))).toEqual([
      { line: 4, column: "employee_id", problem: { code: "duplicateEmployeeNumber", firstLine: 2 } },
      { line: 5, column: "employee_id", problem: { code: "duplicateEmployeeNumber", firstLine: 3 } },
    ]);
  });

  it("still checks duplicates on a row that has other problems", () => {
    expect(issuesOf(csv(HEADER, row({ id: "7" }), row({ id: "7", year: "x" })))).toEqual([
      { line: 3, column: "birth_year", problem: { code: "birthYear", min: 1940, max: 2011 } },
      { line: 3, column: "employee_id", problem: { code: "duplicateEmployeeNumber", firstLine: 2 } },
    ]);
  });

  it("labels columns with the header exactly as the file wrote it", () => {
    const text = csv(" 職員番号 ,氏名,氏名カナ,所属,職層,雇用形態,生年", "1,a,ア,b,主事,常勤,1")
    expect(issuesOf(text)).toEqual([{ line: 2, column: "生年", problem: { code: "birthYear", min: 1940, max: 2011 } }]);
    expect(issuesOf(csv("Employee ID,name,name_kana,department,job_level,employment_type,birth_year", "x_1,a,ア,b,主事,常勤,1990"))).toEqual([
      { line: 2, column: "Employee ID", problem: { code: "employeeNumber" } },
    ]);
  });

  describe("supervisors", () => {
    const existing = [member({ employeeNumber: "9000" }), member({ id: 2, employeeNumber: "9001", active: false })];

    it("accepts someone in the file or an active member of the roster", () => {
      const rows = rowsOf(csv(HEADER, row({ id: "1", sup: "2" }), row({ id: "2", sup: "9000" })), existing);
      expect(rows.map((r) => r.values.supervisorNumber)).toEqual(["2", "9000"]);
    });

    it("rejects unknown, inactive and self supervisors", () => {
      expect(issuesOf(csv(HEADER, row({ id: "1", sup: "5" }), row({ id: "2", sup: "9001" }), row({ id: "3", sup: "３" })), existing)).toEqual([
        { line: 2, column: "supervisor_id", problem: { code: "unknownSupervisor", supervisorNumber: "5" } },
        { line: 3, column: "supervisor_id", problem: { code: "unknownSupervisor", supervisorNumber: "9001" } },
        { line: 4, column: "supervisor_id", problem: { code: "selfSupervisor" } },
      ]);
    });

    it("does not accept a supervisor who is about to be deactivated for missing from the file", () => {
      expect(issuesOf(csv(HEADER, row({ id: "1", sup: "9000" })), existing, { deactivateMissing: true })).toEqual([
        { line: 2, column: "supervisor_id", problem: { code: "unknownSupervisor", supervisorNumber: "9000" } },
      ]);
    });
  });

  describe("roles when HR imports", () => {
    const existing = [
      member({ id: 1, employeeNumber: "1", role: "staff" }),
      member({ id: 2, employeeNumber: "2", role: "hr" }),
      member({ id: 3, employeeNumber: "3", role: "hr", active: false }),
    ];
    const hr = { canChangeRoles: false };

    it("lets HR import without touching roles", () => {
      const rows = rowsOf(csv(HEADER, row({ id: "1" }), row({ id: "2" }), row({ id: "2b", role: "staff" }), row({ id: "1b" })), existing, hr);
      expect(rows).toHaveLength(4);
      expect(rowsOf(csv(HEADER, row({ id: "1", role: "職員" }), row({ id: "2", role: "hr" })), existing, hr)).toHaveLength(2);
    });

    it("rejects giving hr/admin, changing a role, or reactivating a privileged account", () => {
      const text = csv(HEADER, row({ id: "1", role: "hr" }), row({ id: "2", role: "staff" }), row({ id: "new", role: "admin" }), row({ id: "3" }));
      expect(issuesOf(text, existing, hr)).toEqual([2, 3, 4, 5].map((line) => ({ line, column: "role", problem: { code: "roleChangeForbidden" } })));
    });

    it("lets administrators and the CLI do all of it", () => {
      const text = csv(HEADER, row({ id: "1", role: "hr" }), row({ id: "2", role: "staff" }), row({ id: "new", role: "admin" }), row({ id: "3" }));
      expect(rowsOf(text, existing)).toHaveLength(4);
    });
  });
});

describe("planRosterImport", () => {
  const staff = [
    member({ id: 1, employeeNumber: "1", name: "山田\u3000太郎", role: "hr" }),
    member({ id: 2, employeeNumber: "2", name: "佐藤\u3000花子" }),
    member({ id: 3, employeeNumber: "3", name: "鈴木\u3000一郎", active: false }),
    member({ id: 4, employeeNumber: "4", name: "田中\u3000次郎" }),
    member({ id: 5, employeeNumber: "5", name: "高橋\u3000三郎", active: false }),
  ];
  const text = csv(
    HEADER,
    "1,山田 太郎,ヤマダ タロウ,,総務部/人事課,主事,常勤,1980,,",
    "2,佐藤 花子,ヤマダ タロウ,sato@example.lg.jp,総務部/人事課/研修係,係長級,常勤,1980,1,",
    "3,鈴木 一郎,ヤマダ タロウ,,総務部/人事課,主事,常勤,1980,,",
    "6,伊藤 四郎,イトウ シロウ,,区民部,係員,会計年度任用,1999,1,",
  );
  const rowsFor = (deactivateMissing: boolean) => rowsOf(text, staff, { deactivateMissing });

  it("sorts rows into added, changed with field diffs, unchanged and deactivated", () => {
    const plan = planRosterImport(rowsFor(true), staff, true);
    expect(plan.added).toEqual([
      {
        employeeNumber: "6",
        name: "伊藤\u3000四郎",
        nameKana: "イトウ\u3000シロウ",
        email: null,
        departmentPath: "区民部",
        jobLevelCode: "technician",
        employmentTypeCode: "fiscal_year",
        birthYear: 1999,
        supervisorNumber: "1",
        role: "staff",
        active: true,
      },
    ]);
    expect(plan.changed.map((change) => [change.before.employeeNumber, change.changes])).toEqual([
      [
        "2",
        [
          { field: "email", before: null, after: "sato@example.lg.jp" },
          { field: "departmentPath", before: "総務部/人事課", after: "総務部/人事課/研修係" },
          { field: "jobLevelCode", before: "staff", after: "unit_chief" },
          { field: "supervisorNumber", before: null, after: "1" },
        ],
      ],
      ["3", [{ field: "active", before: false, after: true }]],
    ]);
    expect(plan.unchangedCount).toBe(1);
    expect(plan.deactivated.map((person) => person.employeeNumber)).toEqual(["4"]);
  });

  it("keeps an existing role when the file leaves it empty", () => {
    const plan = planRosterImport(rowsFor(false), staff, false);
    expect(plan.changed.some((change) => change.before.employeeNumber === "1")).toBe(false);
  });

  it("keeps the email and supervisor of columns the file leaves out, and clears them for empty cells", () => {
    const current = [member({ employeeNumber: "1", email: "a@example.lg.jp", supervisorNumber: "2" }), member({ id: 2, employeeNumber: "2" })];
    const without = rowsOf(csv("employee_id,name,name_kana,department,job_level,employment_type,birth_year", "1,山田 太郎,ヤマダ タロウ,総務部/人事課,主事,常勤,1980"), current);
    expect(planRosterImport(without, current, false)).toMatchObject({ changed: [], unchangedCount: 1 });
    const empty = rowsOf(csv(HEADER, "1,山田 太郎,ヤマダ タロウ,,総務部/人事課,主事,常勤,1980,,"), current);
    expect(planRosterImport(empty, current, false).changed[0]?.changes).toEqual([
      { field: "email", before: "a@example.lg.jp", after: null },
      { field: "supervisorNumber", before: "2", after: null },
    ]);
  });

  it("deactivates nobody unless asked", () => {
    expect(planRosterImport(rowsFor(false), staff, false).deactivated).toEqual([]);
  });

  it("is what prepareRosterImport returns for a valid file", () => {
    const prepared = prepareRosterImport(text, { reference, staff }, { ...rules, deactivateMissing: true });
    expect(prepared).toEqual({ ok: true, plan: planRosterImport(rowsFor(true), staff, true) });
  });
});

describe("messages", () => {
  it("describes problems in both languages", () => {
    expect(describeRosterProblem({ code: "birthYear", min: 1940, max: 2011 }, ja)).toBe("生年は1940〜2011の西暦4桁で入力してください。");
    expect(describeRosterProblem({ code: "birthYear", min: 1940, max: 2011 }, en)).toBe("Enter a four-digit year from 1940 to 2011.");
    expect(describeRosterProblem({ code: "duplicateEmployeeNumber", firstLine: 2 }, ja)).toBe("この職員番号は2行目と重複しています。");
    expect(describeRosterProblem({ code: "roleChangeForbidden" }, en)).toBe(
      "Only administrators can change roles or give the HR or administrator role.",
    );
    expect(describeRosterProblem({ code: "employmentType", choices: reference.employmentTypes }, ja)).toBe(
      "雇用形態は次のいずれかで入力してください: 常勤、会計年度任用",
    );
    expect(describeRosterProblem({ code: "kana" }, ja)).toBe(ja.validation.kana);
  });

  it("formats issues with line and column for the command line", () => {
    const [issue] = localiseRosterIssues([{ line: 3, column: "職層", problem: { code: "required" } }], ja);
    expect(issue).toEqual({ line: 3, column: "職層", message: "入力してください。" });
    expect(ja.roster.issueLine(3, "職層", "入力してください。")).toBe("3行目、列「職層」: 入力してください。");
    expect(en.roster.issueLine(3, "job_level", "This field is required.")).toBe("line 3, column job_level: This field is required.");
    expect(en.roster.issueLine(null, null, "The file is empty.")).toBe("The file is empty.");
    expect(en.roster.issueLine(4, null, "x")).toBe("line 4: x");
  });
});

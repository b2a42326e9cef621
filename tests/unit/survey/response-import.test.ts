import { describe, expect, it } from "vitest";
import { type CsvRecord, type ImportQuestion, parseResponseImport } from "~/domain/survey/response-import";
import { AGREEMENT_SCALE, SATISFACTION_SCALE, type Scale } from "~/domain/survey/scales";

const questions: ImportQuestion[] = [
  { code: "Q01", type: "agreement", scale: AGREEMENT_SCALE },
  { code: "Q02", type: "agreement", scale: AGREEMENT_SCALE },
];

function records(...rows: string[][]): CsvRecord[] {
  return rows.map((cells, index) => ({ line: index + 2, cells }));
}

const noGroups = { department: null, job_level: null, age_band: null, employment_type: null };

describe("parseResponseImport", () => {
  it("reads digits, full-width digits, labels and blanks", () => {
    const result = parseResponseImport(
      questions,
      ["Q01", "Q02"],
      records(["4", "１"], ["まあそう思う", " Somewhat disagree\u3000"], ["", "３"]),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, groups: noGroups, answers: { Q01: 4, Q02: 1 } },
        { line: 3, groups: noGroups, answers: { Q01: 3, Q02: 2 } },
        { line: 4, groups: noGroups, answers: { Q01: null, Q02: 3 } },
      ],
    });
  });

  it("reads each row of a long file alike, whether its cells were seen before or not", () => {
    // Cells repeat ("4" on every row) and then vary beyond what a column remembers (labels with
    // spaces, full-width digits, wrong values): every row still gets its own answer or error.
    const variants = ["4", "４", " 4", "4 ", "\u30004", "そう思う", " そう思う", "Agree", "AGREE", " agree "];
    const cells = Array.from({ length: 200 }, (_, i) => (i < 100 ? "4" : `${" ".repeat(i % 7)}${variants[i % variants.length]}${"\u3000".repeat(i % 5)}`));
    const rows = cells.map((cell, i) => [cell, i % 50 === 49 ? "5" : "1"]);
    const result = parseResponseImport(questions, ["Q01", "Q02"], records(...rows));
    expect(result).toEqual({
      ok: false,
      errors: [51, 101, 151, 201].map((line) => ({ line, column: "Q02", columnNumber: 2, code: "out_of_range", value: "5" })),
    });
    const valid = parseResponseImport(questions, ["Q01", "Q02"], records(...rows.map(([cell]) => [cell!, "1"])));
    expect(valid.ok && valid.rows.map((row) => row.answers.Q01)).toEqual(cells.map(() => 4));
  });

  it("keeps group cells as written, trimmed, under English or Japanese headers", () => {
    const result = parseResponseImport(
      questions,
      ["所属", "job_level", "年代", "Employment_Type", "q01", "Ｑ０２"],
      records(["\u3000総務部/人事課 ", "主事", "30歳～39歳", "", "2", "3"]),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          groups: { department: "総務部/人事課", job_level: "主事", age_band: "30歳～39歳", employment_type: null },
          answers: { Q01: 2, Q02: 3 },
        },
      ],
    });
  });

  it("skips fully blank rows such as Excel's trailing ones", () => {
    const result = parseResponseImport(questions, ["Q01", "Q02"], records(["1", "2"], ["", " "], [], ["\u3000", ""]));
    expect(result.ok && result.rows.map((row) => row.line)).toEqual([2]);
  });

  it("refuses a row cut short, naming its line and the first missing column", () => {
    const result = parseResponseImport(questions, ["department", "Q01", "Q02"], records(["区民部", "4", ""], ["区民部", "4"]));
    expect(result).toEqual({ ok: false, errors: [{ line: 3, column: "Q02", columnNumber: 3, code: "short_row" }] });
  });

  it("lets a row leave off a trailing column that has no heading", () => {
    const result = parseResponseImport(questions, ["Q01", "Q02", ""], records(["1", "2"]));
    expect(result.ok && result.rows[0]?.answers).toEqual({ Q01: 1, Q02: 2 });
  });

  it("reports every bad value with line, column and reason", () => {
    const result = parseResponseImport(
      questions,
      ["department", "Q01", "Q02"],
      records(["A", "5", "はい"], ["B", "2", "3"], ["C", "０", "0.5"]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, column: "Q01", columnNumber: 2, code: "out_of_range", value: "5" },
        { line: 2, column: "Q02", columnNumber: 3, code: "unknown_label", value: "はい" },
        { line: 4, column: "Q01", columnNumber: 2, code: "out_of_range", value: "０" },
        { line: 4, column: "Q02", columnNumber: 3, code: "unknown_label", value: "0.5" },
      ],
    });
  });

  it("reports header problems and still checks the rows", () => {
    const result = parseResponseImport(
      questions,
      ["Q01", "Q03", "所属", "department", "Q01"],
      records(["7", "x", "A", "B", "1"]),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 1, column: "Q03", columnNumber: 2, code: "unknown_column" },
        { line: 1, column: "department", columnNumber: 4, code: "duplicate_column" },
        { line: 1, column: "Q01", columnNumber: 5, code: "duplicate_column" },
        { line: 1, column: "Q02", columnNumber: null, code: "missing_column" },
        { line: 2, column: "Q01", columnNumber: 1, code: "out_of_range", value: "7" },
      ],
    });
  });

  it("ignores unnamed empty columns but not unnamed data", () => {
    expect(parseResponseImport(questions, ["Q01", "Q02", ""], records(["1", "2", ""])).ok).toBe(true);
    expect(parseResponseImport(questions, ["Q01", "Q02", " "], records(["1", "2", "x"]))).toEqual({
      ok: false,
      errors: [{ line: 1, column: "", columnNumber: 3, code: "unnamed_column" }],
    });
  });

  it("rejects data beyond the header", () => {
    expect(parseResponseImport(questions, ["Q01", "Q02"], records(["1", "2", "", "4"]))).toEqual({
      ok: false,
      errors: [{ line: 2, column: "", columnNumber: 4, code: "unexpected_cell" }],
    });
  });

  it("does not take inherited object keys for group headers", () => {
    const result = parseResponseImport(questions, ["Q01", "Q02", "constructor"], records(["1", "2", "x"]));
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 1, column: "constructor", columnNumber: 3, code: "unknown_column" }],
    });
  });

  it("accepts a header without rows", () => {
    expect(parseResponseImport(questions, ["Q01", "Q02"], [])).toEqual({ ok: true, rows: [] });
  });

  it("handles the other question types", () => {
    const choices: Scale = {
      options: [
        { value: 1, label_ja: "電車", label_en: "Train" },
        { value: 2, label_ja: "バス", label_en: "Bus" },
        { value: 3, label_ja: "徒歩", label_en: "Walk" },
      ],
    };
    const mixed: ImportQuestion[] = [
      { code: "S1", type: "satisfaction", scale: SATISFACTION_SCALE },
      { code: "C1", type: "single_choice", scale: choices },
      { code: "M1", type: "multiple_choice", scale: choices },
      { code: "F1", type: "free_text", scale: null },
    ];
    const result = parseResponseImport(
      mixed,
      ["S1", "C1", "M1", "F1"],
      records(
        ["どちらかといえば満足", "バス", "徒歩；1; 3", "  ありがとう、と伝えたい \u3000"],
        ["", "", "", ""],
        ["満足", "", " ; ", ""],
        ["そう思う", "4", "2;船", "x"],
      ),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 5, column: "S1", columnNumber: 1, code: "unknown_label", value: "そう思う" },
        { line: 5, column: "C1", columnNumber: 2, code: "out_of_range", value: "4" },
        { line: 5, column: "M1", columnNumber: 3, code: "unknown_label", value: "2;船" },
      ],
    });
    const valid = parseResponseImport(
      mixed,
      ["S1", "C1", "M1", "F1"],
      records(
        ["どちらかといえば満足", "バス", "徒歩；1; 3", "  ありがとう、と伝えたい \u3000"],
        ["満足", "", " ; ", ""],
      ),
    );
    expect(valid.ok && valid.rows.map((row) => row.answers)).toEqual([
      { S1: 3, C1: 2, M1: [1, 3], F1: "ありがとう、と伝えたい" },
      { S1: 4, C1: null, M1: null, F1: null },
    ]);
  });

  describe("choice questions with a limit and a follow-up", () => {
    const leave: Scale = {
      options: [
        { value: 1, label_ja: "現在検討中", label_en: "Considering it now" },
        { value: 2, label_ja: "過去に検討したことがある", label_en: "Considered it in the past" },
        { value: 3, label_ja: "検討したことはない", label_en: "Never considered it" },
      ],
    };
    const reasons: Scale = {
      options: ["給料が少ない", "体調不良", "職場までが遠い"].map((label_ja, index) => ({ value: index + 1, label_ja, label_en: `Reason ${index + 1}` })),
    };
    const choice: ImportQuestion[] = [
      { code: "LEAVE", type: "single_choice", scale: leave },
      { code: "REASONS", type: "multiple_choice", scale: reasons, maxChoices: 2, showIf: { questionCode: "LEAVE", values: [1, 2] } },
    ];

    it("reads labels (Japanese or English), numbers and full-width numbers, separated by ; or ；", () => {
      const result = parseResponseImport(
        choice,
        ["LEAVE", "REASONS"],
        records(["現在検討中", "給料が少ない；体調不良"], ["２", "reason 3; 1"], ["Never considered it", ""], ["1", "３"]),
      );
      expect(result.ok && result.rows.map((row) => row.answers)).toEqual([
        { LEAVE: 1, REASONS: [1, 2] },
        { LEAVE: 2, REASONS: [1, 3] },
        { LEAVE: 3, REASONS: null },
        { LEAVE: 1, REASONS: [3] },
      ]);
    });

    it("rejects more picks than allowed, two answers to a single choice, and unknown options", () => {
      const result = parseResponseImport(
        choice,
        ["LEAVE", "REASONS"],
        records(["1", "1;2;3"], ["1;2", ""], ["1", "4"], ["1", "通勤"]),
      );
      expect(result).toEqual({
        ok: false,
        errors: [
          { line: 2, column: "REASONS", columnNumber: 2, code: "too_many_choices", value: "1;2;3", limit: 2 },
          { line: 3, column: "LEAVE", columnNumber: 1, code: "too_many_choices", value: "1;2", limit: 1 },
          { line: 4, column: "REASONS", columnNumber: 2, code: "out_of_range", value: "4" },
          { line: 5, column: "REASONS", columnNumber: 2, code: "unknown_label", value: "通勤" },
        ],
      });
    });

    it("counts a repeated pick once", () => {
      const result = parseResponseImport(choice, ["LEAVE", "REASONS"], records(["1", "2;２;体調不良"]));
      expect(result.ok && result.rows[0]?.answers).toEqual({ LEAVE: 1, REASONS: [2] });
    });

    it("rejects an answer to a follow-up whose condition is not met, or whose condition is unanswered", () => {
      const result = parseResponseImport(
        choice,
        ["REASONS", "LEAVE"],
        records(["1", "検討したことはない"], ["2", ""], ["", "3"]),
      );
      expect(result).toEqual({
        ok: false,
        errors: [
          { line: 2, column: "REASONS", columnNumber: 1, code: "follow_up_not_applicable", value: "1", condition: "LEAVE" },
          { line: 3, column: "REASONS", columnNumber: 1, code: "follow_up_not_applicable", value: "2", condition: "LEAVE" },
        ],
      });
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EncodedAnswersReader, MalformedAnswersError, encodeAnswers } from "~/domain/export/encoded-answers";
import type { Answer } from "~/domain/survey/answers";

const QUESTIONS = [
  ["Q01", 7],
  ["Q02", 12],
  ["X01", 130],
  ["F01", 4021],
] as const;

type Row = [questionId: number, value: number, text: string | null];

function read(encoded: string | null): Row[] {
  const reader = new EncodedAnswersReader();
  reader.read(encoded);
  const rows: Row[] = [];
  for (let i = 0; i < reader.length; i += 2) rows.push([reader.pairs[i]!, reader.pairs[i + 1]!, reader.texts[reader.pairs[i]!] ?? null]);
  return rows;
}

/** The answer rows the writer stores for the same answers (response_answers). */
function answerRows(answers: Record<string, Answer>): Row[] {
  return QUESTIONS.flatMap(([code, id]): Row[] => {
    const answer = answers[code];
    if (answer === undefined) return [];
    if (typeof answer === "number") return [[id, answer, null]];
    if (typeof answer === "string") return [[id, 0, answer]];
    return answer.map((value): Row => [id, value, null]);
  });
}

describe("encoded answers", () => {
  it("read back as the answer rows they copy, whatever the texts hold", () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', "\\", ",", "[", "]", "{", "}", "\n", "\u0000", "𠮷"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })), maxLength: 20 });
    const value = fc.integer({ min: 0, max: 1023 });
    fc.assert(
      fc.property(
        fc.record({ Q01: value, Q02: value, X01: fc.uniqueArray(value, { minLength: 1, maxLength: 5 }), F01: text }, { requiredKeys: [] }),
        (answers) => {
          const encoded = encodeAnswers(QUESTIONS, answers);
          expect(read(encoded)).toEqual(answerRows(answers));
          expect(encoded === null).toBe(Object.keys(answers).length === 0);
        },
      ),
    );
  });

  it("hold a text as SQLite stores it: a lone surrogate becomes U+FFFD", () => {
    expect(read(encodeAnswers(QUESTIONS, { F01: "a\uD800b\uDC00c🙂" }))).toEqual([[4021, 0, "a\uFFFDb\uFFFDc🙂"]]);
  });

  it("read the form the migration's backfill wrote, pairs in any order", () => {
    expect(read('[[130,3,7,4,130,1,4021,0],{"4021":"意見, \\"引用\\""}]')).toEqual([
      [130, 3, null],
      [7, 4, null],
      [130, 1, null],
      [4021, 0, '意見, "引用"'],
    ]);
    expect(read(null)).toEqual([]);
  });

  it("reuse the reader's buffers from one response to the next", () => {
    const reader = new EncodedAnswersReader();
    reader.read(encodeAnswers(QUESTIONS, { X01: Array.from({ length: 100 }, (_, i) => i), F01: "x" }));
    expect(reader.length).toBe(202);
    reader.read(encodeAnswers(QUESTIONS, { Q01: 2 }));
    expect([reader.length, reader.pairs[0], reader.pairs[1], reader.texts]).toEqual([2, 7, 2, {}]);
  });

  it("refuse a text that is not in the form", () => {
    for (const malformed of ["", "[]", "[[1,2]]", "[[1,2],{}", "[[1],{}]", "[[1,,2],{}]", "[[1,2,],{}]", "[[a,2],{}]", '{"1":2}']) {
      expect(() => read(malformed), malformed).toThrow(MalformedAnswersError);
    }
  });
});

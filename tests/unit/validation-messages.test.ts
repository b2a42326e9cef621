import { describe, expect, it } from "vitest";
import { z } from "zod";
import { employeeNumberSchema, normaliseEmployeeNumber } from "~/domain/identity";
import { dictionaryFor } from "~/i18n";
import { fieldErrors } from "~/i18n/zod-issues";

const ja = dictionaryFor("ja");
const en = dictionaryFor("en");
const schema = z.object({
  employeeNumber: employeeNumberSchema,
  name: z.string().min(1).max(5),
  email: z.email().optional(),
  birthYear: z.coerce.number().int().min(1940),
  kind: z.enum(["a", "b"]),
});

describe("validation messages", () => {
  it("name each field's problem in Japanese", () => {
    const input = { employeeNumber: "12 34", name: "", email: "nope", birthYear: "1900", kind: "c" };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, ja, input)).toEqual({
      employeeNumber: ja.validation.employeeNumber,
      name: "入力してください。",
      email: "メールアドレスの形式が正しくありません。",
      birthYear: "1940以上の値を入力してください。",
      kind: "次のいずれかを指定してください: a, b",
    });
  });

  it("and in English", () => {
    const input = { employeeNumber: "", name: "toolongname", birthYear: "x", kind: "a" };
    const result = schema.safeParse(input);
    expect(fieldErrors(result.error!, en, input)).toEqual({
      employeeNumber: "This field is required.",
      name: "Enter at most 5 characters.",
      birthYear: "Enter a number.",
    });
  });
});

describe("employee numbers", () => {
  it("keep leading zeros and fold full-width input", () => {
    expect(normaliseEmployeeNumber(" ００１２ ")).toBe("0012");
    expect(employeeNumberSchema.parse("０００１２３")).toBe("000123");
    expect(employeeNumberSchema.safeParse("12/34").success).toBe(false);
  });
});

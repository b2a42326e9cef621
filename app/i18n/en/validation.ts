import type { Dictionary } from "../dictionary";

export const validation = {
  required: "This field is required.",
  tooShort: (min: number) => `Enter at least ${min} characters.`,
  tooLong: (max: number) => `Enter at most ${max} characters.`,
  tooSmall: (min: number) => `Enter a value of at least ${min}.`,
  tooBig: (max: number) => `Enter a value of at most ${max}.`,
  notANumber: "Enter a number.",
  notAWholeNumber: "Enter a whole number.",
  invalid: "This value is not valid.",
  invalidChoice: (choices: string) => `Use one of: ${choices}`,
  email: "Enter a valid email address.",
  employeeNumber: "Employee numbers use letters, digits and hyphens (up to 20 characters).",
  kana: "Enter the name in katakana.",
  passwordTooShort: (min: number) => `Passwords need at least ${min} characters.`,
  passwordsDiffer: "The two passwords do not match.",
  surveyCode: "Use letters, digits, hyphens and underscores, starting with a letter or digit.",
  date: "Enter a date as YYYY-MM-DD.",
  datesOutOfOrder: "The closing date must not be before the opening date.",
  kpiTarget: "Enter a target between 1.000 and 4.000 (up to 3 decimals).",
  fileRequired: "Choose a file.",
  fileTooLarge: (mb: number) => `The file is too large (limit ${mb} MB).`,
} satisfies Dictionary["validation"];

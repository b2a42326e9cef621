/** Messages for form and import validation; keys are what the zod schemas name as their error. */
export const validation = {
  required: "入力してください。",
  tooShort: (min: number) => `${min}文字以上で入力してください。`,
  tooLong: (max: number) => `${max}文字以内で入力してください。`,
  tooSmall: (min: number) => `${min}以上の値を入力してください。`,
  tooBig: (max: number) => `${max}以下の値を入力してください。`,
  notANumber: "数値を入力してください。",
  notAWholeNumber: "整数を入力してください。",
  invalid: "入力内容が正しくありません。",
  invalidChoice: (choices: string) => `次のいずれかを指定してください: ${choices}`,
  email: "メールアドレスの形式が正しくありません。",
  employeeNumber: "職員番号は半角英数字とハイフン（20文字以内）で入力してください。",
  kana: "カタカナで入力してください。",
  passwordTooShort: (min: number) => `パスワードは${min}文字以上にしてください。`,
  passwordsDiffer: "確認用のパスワードが一致しません。",
  fileRequired: "ファイルを選択してください。",
  fileTooLarge: (mb: number) => `ファイルが大きすぎます（上限 ${mb}MB）。`,
};

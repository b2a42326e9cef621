export const cli = {
  unknownEmployee: (employeeNumber: string) => `職員番号 ${employeeNumber} の在職中の職員は名簿にいません。`,
  setupCodeIssued: (name: string, code: string, expires: string) =>
    `${name} さんのセットアップコード: ${code}（有効期限 ${expires}）`,
  enterPassword: (min: number) => `新しい管理者のパスワードを入力してください（${min}文字以上）:`,
  passwordTooShort: (min: number) => `パスワードは${min}文字以上にしてください。`,
  backupWritten: (file: string) => `バックアップを作成しました: ${file}`,
  backupTargetExists: (file: string) => `${file} はすでにあります。上書きはしません。別のファイル名を指定してください。`,
  adminCreated: (employeeNumber: string) => `職員番号 ${employeeNumber} を管理者にしました。`,
  progress: (read: number, checked: number, written: number) => `読み込み ${read}行 / 確認 ${checked}行 / 書き込み ${written}行`,
};

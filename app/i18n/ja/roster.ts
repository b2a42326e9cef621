/** A job level or employment type as import messages list them. */
type Choice = { code: string; nameJa: string; nameEn: string };

export const roster = {
  title: "職員名簿",
  fields: {
    employeeNumber: "職員番号",
    name: "氏名",
    nameKana: "氏名カナ",
    email: "メール",
    departmentPath: "所属",
    jobLevelCode: "職層",
    employmentTypeCode: "雇用形態",
    birthYear: "生年",
    supervisorNumber: "上司職員番号",
    role: "権限",
    active: "状態",
  },
  roles: { staff: "職員", hr: "人事", admin: "管理者" },
  active: "在職中",
  inactive: "無効",

  // The list
  searchLabel: "氏名・カナ・職員番号",
  departmentFilter: "所属",
  allDepartments: "すべての所属",
  statusFilter: "状態",
  statusActive: "在職中のみ",
  statusInactive: "無効のみ",
  statusAll: "すべて",
  listCaption: (total: number, from: number, to: number) =>
    total === 0 ? "職員一覧（該当なし）" : `職員一覧（${total}名中 ${from}〜${to}名目）`,
  noStaff: "条件に合う職員はいません。",
  pagination: "ページ送り",
  importLink: "名簿ファイルを取り込む",

  // A staff member
  supervisor: "上司",
  backToList: "職員名簿に戻る",
  setupCodeHeading: "セットアップコード",
  setupCodeIntro:
    "本人がはじめてログインするときや、パスワードを忘れたときに使う一回限りのコードです。発行すると、以前に発行した未使用のコードは使えなくなります。",
  issueSetupCode: "セットアップコードを発行する",
  setupCodeIssued: (name: string) => `${name} さんのセットアップコードを発行しました。`,
  setupCodeExpires: (when: string) => `有効期限: ${when}`,
  setupCodeShownOnce: "このコードは二度と表示されません。本人に直接伝えてください。",
  setupCodeRefused: {
    own_account: "ご自身のセットアップコードは発行できません。パスワードはログイン中に「パスワードの変更」から変えられます。",
    privileged_account: "人事担当者・管理者のセットアップコードは、管理者だけが発行できます。",
  },
  setupCodeInactive: "無効になっている職員にはセットアップコードを発行できません。",
  roleHeading: "権限の変更",
  roleIntro: "人事・管理者の権限は、管理者だけが変更できます。",
  changeRole: "権限を変更する",
  roleChanged: (role: string) => `権限を「${role}」に変更しました。`,
  cannotDemoteSelf: "自分自身の管理者権限は外せません。別の管理者に依頼してください。",

  // Import
  importTitle: "名簿の取り込み",
  importIntro:
    "人事で管理している職員名簿（Excel）を CSV 形式で保存し、取り込みます。取り込む前に、追加・変更・無効化される職員を確認できます。",
  formatHeading: "ファイルの形式",
  formatIntro:
    "1行目は見出しです。見出しは日本語・英語のどちらでもよく、列の順番は自由です。文字コードは UTF-8 と Shift_JIS のどちらでも構いません。",
  formatColumn: "見出し（日本語 / 英語）",
  formatRequired: "必須",
  formatNotes: "内容",
  formatNotesByField: {
    employeeNumber: "半角英数字とハイフン。先頭の 0 もそのまま残ります。",
    name: "100文字以内。姓と名の間の空白は全角にそろえます。",
    nameKana: "カタカナ（半角カナも可）。姓と名の間は空白。",
    email: "省略可。列ごと省略すると、今の値のままです。",
    departmentPath: "「総務部/人事課/研修係」のように1〜3階層。新しい所属は自動で作成されます。",
    jobLevelCode: "職層の名称（部長級、主事 など）またはコード。",
    employmentTypeCode: "常勤、再任用、臨時的任用、会計年度任用（またはコード）。",
    birthYear: "西暦4桁。",
    supervisorNumber: "省略可。ファイルか名簿（在職中）にいる職員の職員番号。列ごと省略すると、今の値のままです。",
    role: "省略可。職員・人事・管理者。空欄なら新しい職員は「職員」、既存の職員は現在の権限のまま。",
  },
  fileLabel: "名簿ファイル（CSV）",
  fileHint: (mb: number) => `${mb}MB まで。`,
  deactivateMissing: "ファイルにない職員を無効にする",
  deactivateMissingHint: "退職・転出した職員を名簿から外すときに選びます。無効になった職員はログインできなくなります。",
  preview: "内容を確認する",
  previewTitle: "取り込み内容の確認",
  previewSummary: (added: number, changed: number, deactivated: number, unchanged: number) =>
    `追加 ${added}名、変更 ${changed}名、無効化 ${deactivated}名、変更なし ${unchanged}名。`,
  previewNotYet: "まだ取り込んでいません。内容を確認して「この内容で取り込む」を押してください。",
  nothingToChange: "名簿と同じ内容のため、変更はありません。",
  addedCaption: (count: number) => `追加される職員（${count}名）`,
  changedCaption: (count: number) => `変更される職員（${count}名）`,
  deactivatedCaption: (count: number) => `無効になる職員（${count}名）`,
  changesColumn: "変更内容",
  addedBadge: "追加",
  changedBadge: "変更",
  deactivatedBadge: "無効化",
  fieldChange: (field: string, before: string, after: string) => `${field}: ${before} → ${after}`,
  empty: "（なし）",
  confirm: "この内容で取り込む",
  chooseAnother: "別のファイルを選ぶ",
  importDone: (added: number, changed: number, deactivated: number) =>
    `名簿を取り込みました（追加 ${added}名、変更 ${changed}名、無効化 ${deactivated}名）。`,
  issuesTitle: (count: number) => `ファイルに${count}件の誤りがあるため、取り込みませんでした。修正してからもう一度選んでください。`,
  issuesCaption: "ファイルの誤り",
  issueLineColumn: "行",
  issueColumnColumn: "列",
  issueReasonColumn: "内容",
  wholeFile: "ファイル全体",
  problems: {
    emptyFile: "ファイルが空です。",
    noDataRows: "見出しの行しかありません。2行目から職員のデータを入れてください。",
    unclosedQuote: "この行で始まる「\"」が閉じられていません。",
    unknownColumn: "この見出しは使えません。見出しの一覧を確認してください。",
    duplicateColumn: "同じ見出しが2回あります。",
    missingColumn: "必須の列がありません。",
    cellWithoutHeader: "見出しのない列に値があります。",
    department: (maxDepth: number, maxLength: number) =>
      `所属は「総務部/人事課/研修係」のように1〜${maxDepth}階層で、各階層${maxLength}文字以内で入力してください。`,
    jobLevel: (choices: readonly Choice[]) => `職層は次のいずれかで入力してください: ${choices.map((c) => c.nameJa).join("、")}`,
    employmentType: (choices: readonly Choice[]) =>
      `雇用形態は次のいずれかで入力してください: ${choices.map((c) => c.nameJa).join("、")}`,
    role: "権限は「職員」「人事」「管理者」のいずれかで入力してください。",
    birthYear: (min: number, max: number) => `生年は${min}〜${max}の西暦4桁で入力してください。`,
    duplicateEmployeeNumber: (firstLine: number) => `この職員番号は${firstLine}行目と重複しています。`,
    unknownSupervisor: (supervisorNumber: string) =>
      `上司の職員番号 ${supervisorNumber} は、ファイルにも名簿（在職中の職員）にもありません。`,
    selfSupervisor: "本人を上司にすることはできません。",
    roleChangeForbidden: "権限の変更や、人事・管理者の権限の付与は、管理者だけが行えます。",
    protectedFromDeactivation: (employeeNumber: string, who: "self" | "admin") =>
      who === "self"
        ? `ご自身（${employeeNumber}）はファイルにないため無効になってしまいます。ご自身を無効にすることはできません。ファイルに加えてください。`
        : `管理者（${employeeNumber}）はファイルにないため無効になってしまいます。管理者を無効にできるのは管理者だけです。ファイルに加えるか、管理者に依頼してください。`,
    ownRole: "ご自身の権限は取り込みで変更できません。",
    lastAdmin: "この取り込みを行うと、有効な管理者が一人もいなくなります。",
  },
  issueLine: (line: number | null, column: string | null, message: string) => {
    const place = [line === null ? null : `${line}行目`, column === null ? null : `列「${column}」`].filter(Boolean);
    return place.length > 0 ? `${place.join("、")}: ${message}` : message;
  },
  cliSummary: (added: number, changed: number, deactivated: number, unchanged: number) =>
    `名簿を取り込みました: 追加 ${added}名、変更 ${changed}名、無効化 ${deactivated}名、変更なし ${unchanged}名`,
  cliFileUnreadable: (path: string) => `ファイル ${path} を読み込めません。`,
  /** Paging and searching lists of people (the roster, choosing a recipient). */
  search: "検索",
  yes: "はい",
  no: "いいえ",
  previous: "前へ",
  next: "次へ",
  page: (current: number, total: number) => `${current} / ${total} ページ`,
};

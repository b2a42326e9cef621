/**
 * The demo ward: an invented organisation shaped like a Tokyo special ward's, and the name
 * pools its ~200 staff are drawn from. Facts only; the seeding logic lives in app/models.
 */

export interface DemoSection {
  /** 部/課/係 path. */
  path: string;
  /** Staff in the 係 besides its chief. */
  members: number;
  /** Technical/operational units use the 技能 ladder. */
  technical?: boolean;
}

export const demoSections: DemoSection[] = [
  { path: "総務部/総務課/庶務係", members: 5 },
  { path: "総務部/総務課/文書係", members: 4 },
  { path: "総務部/人事課/人事係", members: 6 },
  { path: "総務部/人事課/研修係", members: 4 },
  { path: "総務部/人事課/給与厚生係", members: 5 },
  { path: "企画経営部/企画調整課/企画係", members: 5 },
  { path: "企画経営部/企画調整課/DX推進係", members: 4 },
  { path: "企画経営部/財政課/財政係", members: 6 },
  { path: "区民生活部/戸籍住民課/住民記録係", members: 9 },
  { path: "区民生活部/戸籍住民課/戸籍係", members: 7 },
  { path: "区民生活部/税務課/課税係", members: 8 },
  { path: "区民生活部/税務課/収納係", members: 7 },
  { path: "福祉部/福祉計画課/計画係", members: 4 },
  { path: "福祉部/高齢者福祉課/高齢者支援係", members: 8 },
  { path: "福祉部/障害者福祉課/障害者支援係", members: 6 },
  { path: "子ども未来部/保育課/保育入園係", members: 7 },
  { path: "子ども未来部/子育て応援課/子育て相談係", members: 6 },
  { path: "都市環境部/道路課/道路管理係", members: 5 },
  { path: "都市環境部/道路課/工事係", members: 6, technical: true },
  { path: "都市環境部/品川清掃事務所/作業係", members: 12, technical: true },
  { path: "都市環境部/公園課/公園維持係", members: 6, technical: true },
];

/** [漢字, カナ] */
export const demoFamilyNames: [string, string][] = [
  ["佐藤", "サトウ"], ["鈴木", "スズキ"], ["高橋", "タカハシ"], ["田中", "タナカ"], ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"], ["山本", "ヤマモト"], ["中村", "ナカムラ"], ["小林", "コバヤシ"], ["加藤", "カトウ"],
  ["吉田", "ヨシダ"], ["山田", "ヤマダ"], ["佐々木", "ササキ"], ["山口", "ヤマグチ"], ["松本", "マツモト"],
  ["井上", "イノウエ"], ["木村", "キムラ"], ["林", "ハヤシ"], ["斎藤", "サイトウ"], ["清水", "シミズ"],
  ["山崎", "ヤマザキ"], ["森", "モリ"], ["池田", "イケダ"], ["橋本", "ハシモト"], ["阿部", "アベ"],
  ["石川", "イシカワ"], ["前田", "マエダ"], ["藤田", "フジタ"], ["小川", "オガワ"], ["岡田", "オカダ"],
  ["後藤", "ゴトウ"], ["長谷川", "ハセガワ"], ["村上", "ムラカミ"], ["近藤", "コンドウ"], ["石井", "イシイ"],
  ["坂本", "サカモト"], ["遠藤", "エンドウ"], ["青木", "アオキ"], ["藤井", "フジイ"], ["西村", "ニシムラ"],
];

export const demoGivenNames: [string, string][] = [
  ["翔太", "ショウタ"], ["大輔", "ダイスケ"], ["健一", "ケンイチ"], ["拓也", "タクヤ"], ["直樹", "ナオキ"],
  ["隆", "タカシ"], ["誠", "マコト"], ["浩二", "コウジ"], ["亮", "リョウ"], ["悠真", "ユウマ"],
  ["蓮", "レン"], ["和也", "カズヤ"], ["修", "オサム"], ["哲也", "テツヤ"], ["大樹", "ダイキ"],
  ["陽菜", "ヒナ"], ["美咲", "ミサキ"], ["恵子", "ケイコ"], ["由美", "ユミ"], ["直美", "ナオミ"],
  ["彩", "アヤ"], ["真由美", "マユミ"], ["香織", "カオリ"], ["結衣", "ユイ"], ["優子", "ユウコ"],
  ["智子", "トモコ"], ["葵", "アオイ"], ["麻衣", "マイ"], ["千尋", "チヒロ"], ["里奈", "リナ"],
];

export interface DemoAccount {
  employeeNumber: string;
  role: "admin" | "hr" | "staff";
  password: string;
}

/** Published in the README: this is demo data, never a real installation's. */
export const demoAccounts: DemoAccount[] = [
  { employeeNumber: "000001", role: "admin", password: "yell-admin-2026" },
  { employeeNumber: "000002", role: "hr", password: "yell-hr-2026" },
  { employeeNumber: "000100", role: "staff", password: "yell-staff-2026" },
];

/**
 * The last demo staff numbers are left without answers or messages, so the end-to-end tests (and
 * a newcomer trying Yell) can act as people who have done nothing yet.
 */
export const FIRST_NUMBER_RESERVED_FOR_TESTS = "000185";

export function isReservedForTests(employeeNumber: string): boolean {
  return employeeNumber >= FIRST_NUMBER_RESERVED_FOR_TESTS;
}

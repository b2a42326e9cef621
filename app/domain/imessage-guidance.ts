/**
 * Gentle writing guidance for I-messages: the checks the composer shows while someone writes.
 * Pure and free of zod and server imports, because the composer runs it in the browser as well.
 * Hints never block sending; they point at phrases that tend to turn appreciation into judgement.
 */

export const MESSAGE_PARTS = ["scene", "feeling", "effect"] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];
export type MessageParts = Record<MessagePart, string>;

/** Each part is required and kept short enough to read at a glance on the inbox page. */
export const PART_MAX_LENGTH = 400;

/** Below these a part rarely says anything concrete: Japanese counts characters, English counts words. */
export const MIN_JAPANESE_CHARACTERS = 10;
export const MIN_ENGLISH_WORDS = 4;

export type HintCode = "you_message" | "order" | "hidden_criticism" | "too_short" | "generic";

export interface Hint {
  code: HintCode;
  part: MessagePart;
  /** The phrase that raised the hint, as written (empty for length and generic hints). */
  match: string;
}

type Language = "ja" | "en";

interface PhraseRule {
  code: HintCode;
  pattern: RegExp;
}

// A sentence or clause starts at the beginning of the text or after one of these.
const START = String.raw`(?:^|[。．！？!?\n「」])\s*`;
// …and ends at one of these (or the end of the text); a clause may also end in a comma or a softening ね/よ.
const SENTENCE_END = String.raw`(?=[。．！？!?\n」]|$)`;
const CLAUSE_END = String.raw`(?=[。．！？!?、\n」ねよ]|$)`;

const JAPANESE_RULES: PhraseRule[] = [
  // Judging the other person: "あなたは〜べき", "君は〜すぎる".
  { code: "you_message", pattern: /(?:あなた|貴方|君|きみ|お前)(?:は|が|も|って)[^。！？!?\n]{0,40}?(?:べき|すぎ|過ぎ)/u },
  // "〜べきです / べきだ" states what someone ought to do; "べきでした" about oneself is left alone.
  { code: "you_message", pattern: /べき(?:です|だ(?!っ)|では)/u },
  // "〜しなさい" orders; greetings that end the same way are not orders.
  { code: "order", pattern: /(?<!ごめん|おやすみ|お休み|おかえり|お帰り)なさい(?!ませ)/u },
  // "〜してください" at the end of a clause asks for something; "〜してくださって/くださり/くださいました" thanks.
  { code: "order", pattern: new RegExp(String.raw`[てで](?:ください|下さい)(?!まし|ませ)${CLAUSE_END}`, "u") },
  { code: "order", pattern: /(?:しなければ|しないと|しなくては)(?:いけない|いけません|ならない|なりません|だめ|ダメ)/u },
  // Praise followed by a reservation: "〜けど", "でも、", "ただ、", "もっと〜してほしい".
  { code: "hidden_criticism", pattern: /けれども|けれど|けど/u },
  { code: "hidden_criticism", pattern: new RegExp(`${START}(?:でも|しかし|ただ、|ですが|とはいえ|一方で)`, "u") },
  { code: "hidden_criticism", pattern: /もっと[^。！？!?\n]{0,30}?(?:ほしい|欲しい|ください|下さい|たら|れば)/u },
  // "〜のに。" at the end of a sentence is a complaint ("言ってくれればいいのに。"); "〜のに、" mid-sentence is often thanks.
  { code: "hidden_criticism", pattern: new RegExp(`のに${SENTENCE_END}`, "u") },
];

const ENGLISH_RULES: PhraseRule[] = [
  { code: "you_message", pattern: /\byou(?:'d| would)? (?:should|must|need to|have to|ought to)\b/iu },
  { code: "you_message", pattern: /\byou(?:'re| are) (?:always|never|too)\b/iu },
  { code: "order", pattern: /(?:^|[.!?]\s+)(?:make sure|don't|do not|stop|try to|remember to)\b/iu },
  { code: "hidden_criticism", pattern: /\b(?:but|however|although)\b/iu },
  { code: "hidden_criticism", pattern: /\bcould have been (?:better|faster|clearer|quicker)\b/iu },
  { code: "hidden_criticism", pattern: /\b(?:next time|would be (?:nice|better) if|if only)\b/iu },
];

/** Whole parts that only say thanks in general: they are kind, but say nothing about what happened. */
const GENERIC_PHRASES = new Set([
  "ありがとう",
  "ありがとうございます",
  "ありがとうございました",
  "いつもありがとう",
  "いつもありがとうございます",
  "本当にありがとう",
  "本当にありがとうございます",
  "お疲れ様",
  "お疲れ様です",
  "お疲れ様でした",
  "おつかれさま",
  "おつかれさまです",
  "お疲れさまです",
  "助かりました",
  "助かります",
  "感謝しています",
  "感謝です",
  "さすがです",
  "すごい",
  "すごいです",
  "よかった",
  "よかったです",
  "うれしかった",
  "うれしかったです",
  "嬉しかったです",
  "thanks",
  "thank you",
  "thanks a lot",
  "thank you so much",
  "thank you very much",
  "many thanks",
  "good job",
  "great job",
  "nice job",
  "nice work",
  "great work",
  "well done",
  "great",
  "awesome",
  "amazing",
]);

const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/u;

function languageOf(text: string, fallback: Language): Language {
  if (JAPANESE_SCRIPT.test(text)) return "ja";
  return /[a-z]/iu.test(text) ? "en" : fallback;
}

/** The text with punctuation, symbols and spaces removed, folded for comparison. */
function bareText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]/gu, "");
}

function isGeneric(text: string): boolean {
  const folded = text.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}]/gu, "").replace(/\s+/gu, " ").trim();
  return GENERIC_PHRASES.has(folded) || GENERIC_PHRASES.has(bareText(text));
}

function isTooShort(text: string, language: Language): boolean {
  if (language === "ja") return [...bareText(text)].length < MIN_JAPANESE_CHARACTERS;
  return text.trim().split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length < MIN_ENGLISH_WORDS;
}

function hintsForPart(part: MessagePart, text: string, fallback: Language): Hint[] {
  if (text.trim() === "") return [];
  const language = languageOf(text, fallback);
  const hints: Hint[] = [];
  if (isGeneric(text)) hints.push({ code: "generic", part, match: text.trim() });
  else if (isTooShort(text, language)) hints.push({ code: "too_short", part, match: "" });
  // Japanese text often quotes English words and vice versa; both tables apply to every part.
  for (const rule of [...JAPANESE_RULES, ...ENGLISH_RULES]) {
    if (hints.some((hint) => hint.code === rule.code)) continue;
    const found = rule.pattern.exec(text);
    if (found) hints.push({ code: rule.code, part, match: found[0].replace(/^[。．！？!?\n「」.\s]+/u, "") });
  }
  return hints;
}

/**
 * The hints for a message being written, part by part. Empty parts get none (the form asks for
 * them anyway); `locale` decides the length rule for text in neither script, such as "!!!".
 */
export function guidanceFor(parts: MessageParts, locale: Language = "ja"): Hint[] {
  return MESSAGE_PARTS.flatMap((part) => hintsForPart(part, parts[part], locale));
}

import type { Answers } from "~/domain/survey/answers";

/**
 * A response's answers as one text kept on its row (survey_responses.encoded_answers), so the
 * row-level export reads each response in a plain scan instead of gathering its answers from
 * response_answers (that per-response lookup was most of a 100,000-row export's time). The
 * answer rows stay the source for everything else; this is a copy written in the same
 * transaction, and null for a response without answers.
 *
 * JSON, `[[questionId, value, questionId, value, …], {questionId: text}]`: every answer row as a
 * pair (free text with value 0), texts on the side. A flat array of small numbers is the cheapest
 * JSON to parse, and no value is built per answer. Readers never rely on the order of the pairs
 * (the migration's backfill wrote them in SQLite's order).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as SQLite stores it: a lone surrogate (which UTF-8 cannot hold) becomes U+FFFD, as it
 * does in response_answers.text_value, so the copy never says more than the answer row.
 */
function asStored(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** `questions` in the order to write them, as [code, question id]. */
export function encodeAnswers(questions: readonly (readonly [code: string, id: number])[], answers: Answers): string | null {
  let pairs = "";
  let texts: Record<number, string> | null = null;
  for (const [code, id] of questions) {
    const answer = answers[code];
    if (answer === undefined) continue;
    if (typeof answer === "number") {
      pairs += `,${id},${answer}`;
    } else if (typeof answer === "string") {
      pairs += `,${id},0`;
      (texts ??= {})[id] = asStored(answer);
    } else {
      for (const value of answer) pairs += `,${id},${value}`;
    }
  }
  if (pairs === "") return null;
  return `[[${pairs.slice(1)}],${texts === null ? "{}" : JSON.stringify(texts)}]`;
}

const NO_TEXTS: Readonly<Record<number, string>> = Object.freeze({});

const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN = 0x5b;
const CLOSE = 0x5d;

export class MalformedAnswersError extends Error {
  constructor(encoded: string) {
    super(`malformed encoded answers: ${encoded.slice(0, 80)}`);
  }
}

/**
 * Reads encoded answers one response after another into buffers it reuses: the pairs are scanned
 * digit by digit (a fifth of what JSON.parse takes, with no array per response) and only texts,
 * which are rare, go through JSON.parse.
 */
export class EncodedAnswersReader {
  /** questionId, value, questionId, value, … of the last response read: the first `length` are valid. */
  pairs = new Float64Array(64);
  length = 0;
  texts: Readonly<Record<number, string>> = NO_TEXTS;

  read(encoded: string | null): void {
    this.length = 0;
    this.texts = NO_TEXTS;
    if (encoded === null) return;
    if (encoded.charCodeAt(0) !== OPEN || encoded.charCodeAt(1) !== OPEN) throw new MalformedAnswersError(encoded);
    let at = 2;
    if (encoded.charCodeAt(at) === CLOSE) at += 1;
    else {
      for (;;) {
        const negative = encoded.charCodeAt(at) === MINUS;
        if (negative) at += 1;
        const start = at;
        let number = 0;
        for (let code = encoded.charCodeAt(at); code >= ZERO && code <= NINE; code = encoded.charCodeAt(++at)) number = number * 10 + code - ZERO;
        if (at === start) throw new MalformedAnswersError(encoded);
        this.push(negative ? -number : number);
        const next = encoded.charCodeAt(at++);
        if (next === CLOSE) break;
        if (next !== COMMA) throw new MalformedAnswersError(encoded);
      }
    }
    if (this.length % 2 !== 0 || encoded.charCodeAt(at) !== COMMA || encoded.charCodeAt(encoded.length - 1) !== CLOSE) throw new MalformedAnswersError(encoded);
    const texts = encoded.slice(at + 1, -1);
    if (texts !== "{}") this.texts = JSON.parse(texts) as Record<number, string>;
  }

  private push(number: number) {
    if (this.length === this.pairs.length) {
      const grown = new Float64Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length++] = number;
  }
}

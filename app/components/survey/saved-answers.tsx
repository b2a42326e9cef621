import { parseSavedAnswers, savedAnswersKey } from "~/domain/survey/answer-form";
import type { RawAnswers } from "~/domain/survey/answers";

/*
 * Answers in progress live in this browser's localStorage until they are submitted, so a reload,
 * a lost connection or an expired session costs nothing. Storage can be switched off or full:
 * answering still works then, only this safety net is missing, hence the swallowed errors.
 */

export function readSavedAnswers(surveyCode: string): RawAnswers | null {
  try {
    return parseSavedAnswers(window.localStorage.getItem(savedAnswersKey(surveyCode)));
  } catch {
    return null;
  }
}

export function saveAnswers(surveyCode: string, answers: RawAnswers): void {
  try {
    if (Object.keys(answers).length === 0) window.localStorage.removeItem(savedAnswersKey(surveyCode));
    else window.localStorage.setItem(savedAnswersKey(surveyCode), JSON.stringify(answers));
  } catch {
    // See above: nothing to do without storage.
  }
}

export function forgetSavedAnswers(surveyCode: string): void {
  try {
    window.localStorage.removeItem(savedAnswersKey(surveyCode));
  } catch {
    // See above: nothing to do without storage.
  }
}

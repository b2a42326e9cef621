/**
 * The longest free-text answer. A module of its own because the question field in the browser
 * needs only this of the answer rules: importing answers.ts there would put all of them in the
 * chunk the answering page shares with the builder's preview.
 */
export const FREE_TEXT_MAX_LENGTH = 2000;

import { type DraftKey, draftStorageKey, parseSavedAnswers } from "~/domain/survey/answer-form";
import type { RawAnswers } from "~/domain/survey/answers";

/*
 * Answers in progress live in this browser's localStorage until they are submitted, so a reload,
 * a lost connection or an expired session costs nothing. They are encrypted (AES-GCM) under a key
 * the server derives for this person and survey, in a slot whose name is derived too: the next
 * person on a shared browser finds nothing they can name or read. Storage or WebCrypto can be
 * missing (WebCrypto needs HTTPS or localhost): answering still works then, only this safety net
 * is missing, hence the swallowed errors.
 */

interface StoredDraft {
  iv: string;
  data: string;
}

function toBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return window.btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function subtle(): SubtleCrypto | null {
  return window.isSecureContext && window.crypto?.subtle ? window.crypto.subtle : null;
}

async function cryptoKey(draft: DraftKey, crypto: SubtleCrypto): Promise<CryptoKey> {
  return crypto.importKey("raw", fromBase64(draft.key), "AES-GCM", false, ["encrypt", "decrypt"]);
}

/** The slot's name is bound into the ciphertext, so a draft copied into another slot does not open. */
function parameters(draft: DraftKey, iv: Uint8Array<ArrayBuffer>): AesGcmParams {
  return { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(draft.slot) };
}

export async function readSavedAnswers(draft: DraftKey): Promise<RawAnswers | null> {
  try {
    const crypto = subtle();
    const stored = window.localStorage.getItem(draftStorageKey(draft.slot));
    if (!crypto || stored === null) return null;
    const { iv, data } = JSON.parse(stored) as StoredDraft;
    const plain = await crypto.decrypt(parameters(draft, fromBase64(iv)), await cryptoKey(draft, crypto), fromBase64(data));
    return parseSavedAnswers(new TextDecoder().decode(plain));
  } catch {
    return null;
  }
}

async function write(draft: DraftKey, answers: RawAnswers): Promise<void> {
  const slot = draftStorageKey(draft.slot);
  const crypto = subtle();
  if (!crypto || Object.keys(answers).length === 0) {
    window.localStorage.removeItem(slot);
    return;
  }
  const iv = window.crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.encrypt(parameters(draft, iv), await cryptoKey(draft, crypto), new TextEncoder().encode(JSON.stringify(answers)));
  window.localStorage.setItem(slot, JSON.stringify({ iv: toBase64(iv), data: toBase64(new Uint8Array(data)) } satisfies StoredDraft));
}

/** Writes in the order they were asked for: encryption is asynchronous, and an older draft must not land last. */
let queue: Promise<void> = Promise.resolve();

function enqueue(task: () => Promise<void> | void): void {
  queue = queue.then(task).catch(() => {
    // See above: nothing to do without storage.
  });
}

export function saveAnswers(draft: DraftKey, answers: RawAnswers): void {
  enqueue(() => write(draft, answers));
}

export function forgetSavedAnswers(draft: DraftKey): void {
  enqueue(() => window.localStorage.removeItem(draftStorageKey(draft.slot)));
}

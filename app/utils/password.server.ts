import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { getEnv } from "./env.server";

/**
 * scrypt at one of the OWASP Password Storage Cheat Sheet's equivalent settings (N=2^16, r=8, p=2):
 * the same work as its first one (N=2^17, p=1) in half the memory (64 MB a hash), so a burst of
 * sign-ins stays small. Parameters are stored with each hash; older hashes still verify and are
 * rewritten at these parameters at the person's next sign-in.
 */
const COST = { N: 2 ** 16, r: 8, p: 2 } as const;
const KEY_LENGTH = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

/** Refused when this many hashes already wait: a burst should fail fast rather than queue for minutes. */
const MAX_WAITING = 32;

export class PasswordCheckBusyError extends Error {
  constructor() {
    super("Too many password checks are waiting.");
  }
}

/**
 * Each hash holds 64 MB and one of libuv's four worker threads (which also serve file reads), so
 * only a few run at once: a burst of sign-ins waits its turn instead of filling memory and
 * starving page loads.
 */
class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: () => number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency()) {
      if (this.waiting.length >= MAX_WAITING) throw new PasswordCheckBusyError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      if (next) next();
      else this.running--;
    }
  }
}

const hashQueue = new HashQueue(() => getEnv().PASSWORD_HASH_CONCURRENCY);

function derive(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return hashQueue.run(() => scryptKey(password, salt, N, r, p));
}

function scryptKey(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N, r, p, maxmem: MAX_MEMORY }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST.N, COST.r, COST.p);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Whether a stored hash was made with other parameters than today's (rewritten at the next sign-in). */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(n) !== COST.N || Number(r) !== COST.r || Number(p) !== COST.p;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a password nobody has, checked when the account is unknown so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await verifyPassword(password, await decoyHash);
}

import { createHash, randomBytes, randomInt } from "node:crypto";

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Letters and digits that cannot be mistaken for one another when read aloud or copied from paper. */
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A setup code such as "K7QM-4XPA-R2ZT": 60 bits, readable over the phone. */
export function humanCode(groups = 3, groupLength = 4): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = "";
    for (let i = 0; i < groupLength; i++) part += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    parts.push(part);
  }
  return parts.join("-");
}

/** The code as stored: case, widths, spaces and hyphens as typed do not matter. */
export function normaliseHumanCode(input: string): string {
  return input.normalize("NFKC").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

import { isIP } from "node:net";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** Names Express understands for whole address ranges, besides literal addresses and CIDR blocks. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  return prefix === undefined || /^\d{1,3}$/.test(prefix);
}

/**
 * Which proxies' X-Forwarded-For is believed: a number of hops in front of Yell, or the proxies'
 * own addresses. Never "any", which would let every client name its own address.
 */
const trustProxy = z
  .string()
  .optional()
  .transform((value, ctx): number | string[] | false => {
    const setting = value?.trim() ?? "";
    if (setting === "" || setting === "0") return false;
    if (/^\d+$/.test(setting)) {
      const hops = Number(setting);
      if (hops <= 10) return hops;
    } else {
      const entries = setting.split(",").map((entry) => entry.trim());
      if (entries.every(isProxyAddress)) return entries;
    }
    ctx.addIssue({ code: "custom", message: "a hop count (1-10) or a comma-separated list of proxy addresses or CIDR blocks" });
    return z.NEVER;
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/yell.sqlite"),
  /** The public origin, e.g. https://yell.city.example.lg.jp; POSTs from any other origin are refused. */
  APP_ORIGIN: z.url().optional(),
  YELL_ALLOW_OLD_SQLITE: flag,
  /** Defaults to on in production; turn off only for plain-HTTP test installs. */
  SECURE_COOKIES: z.enum(["0", "1", "true", "false"]).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  SETUP_CODE_VALID_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(72),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  TRUST_PROXY: trustProxy,
  /** Form posts: the survey builder's longest field (5,000 characters, percent-encoded) fits well inside. */
  MAX_FORM_KB: z.coerce.number().int().min(4).max(10 * 1024).default(64),
  /** Roster and answer files, through the browser and the command line alike. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Password hashes computed at once; each takes 64 MB and a worker thread for about 0.4 s. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** I-messages one person may send per day (Tokyo time). */
  I_MESSAGE_DAILY_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
  /** E-mail is off unless SMTP_HOST is set; SMTP_FROM is then required. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** "tls" connects with TLS from the start (port 465); "starttls" upgrades and requires it; "none" sends in the clear (a relay inside the network). */
  SMTP_TLS: z.enum(["tls", "starttls", "none"]).default("starttls"),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3).optional(),
  REMINDER_DAYS_BEFORE_CLOSE: z.coerce.number().int().min(0).max(60).default(3),
}).refine((env) => env.SMTP_HOST === undefined || env.SMTP_FROM !== undefined, { path: ["SMTP_FROM"], message: "required when SMTP_HOST is set" });

export type Env = z.infer<typeof envSchema> & { secureCookies: boolean };

let cached: Env | undefined;

/** The validated environment; a bad value stops the process with the variable's name. */
export function getEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const secure = parsed.data.SECURE_COOKIES;
  const env: Env = {
    ...parsed.data,
    secureCookies: secure === undefined ? parsed.data.NODE_ENV === "production" : secure === "1" || secure === "true",
  };
  if (source === process.env) cached = env;
  return env;
}

import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "@/lib/config/database-url";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { parseRates } from "@/lib/limits/rate";

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

/** "1" or "true" (any case) turns a switch on; anything else, or nothing, leaves it off. */
const flag = optionalText.transform((value) => value === "1" || value?.toLowerCase() === "true");

/** A positive whole number, or `fallback` when unset or blank. */
function positiveInteger(fallback: number) {
  return optionalText.transform((value) => (value === undefined ? fallback : Number(value))).pipe(z.number().int().positive());
}

/** A throttle's rates (lib/limits/rate.ts): `5/15m`, `5/15m,20/1d`, or `off`. */
function rates(fallback: string) {
  return optionalText.transform((value, ctx) => {
    const parsed = parseRates(value ?? fallback);
    if (parsed.ok) return parsed.rates;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });
}

const trustedProxies = optionalText.transform((value, ctx) => {
  const parsed = parseTrustedProxies(value);
  if (parsed.ok) return parsed.proxies;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

/** Comma-separated TCP ports (1-65535), or `fallback` when unset or blank. */
function portList(fallback: number[]) {
  return optionalText
    .transform((value) => (value === undefined ? fallback : value.split(",").map((part) => Number(part.trim()))))
    .pipe(z.array(z.number({ error: "ports are whole numbers" }).int().min(1).max(65_535), { error: "a comma-separated list of ports" }).min(1));
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    // Connections each server process keeps to PostgreSQL (lib/config/prisma-client.ts); all the
    // processes together must stay below the server's max_connections. Not used on SQLite.
    DATABASE_POOL_SIZE: positiveInteger(10),
    NEXTAUTH_SECRET: optionalText,
    NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
    OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: z.string().default("SSO"),
    // A session ends after this many hours without a request, and in any case this many days
    // after sign-in (lib/auth/sessions.ts).
    SESSION_IDLE_HOURS: positiveInteger(12),
    SESSION_LIFETIME_DAYS: positiveInteger(7),
    SMTP_URL: optionalText,
    SMTP_FROM: optionalText,
    // Capture of cited pages (lib/sources/fetch-page.ts). Private, loopback and link-local
    // addresses are refused so a citation cannot make the server probe its own network;
    // allow them only for tests or an intranet deployment whose sources live inside it.
    CAPTURE_ALLOW_PRIVATE: flag,
    CAPTURE_TIMEOUT_MS: positiveInteger(10_000),
    CAPTURE_MAX_BYTES: positiveInteger(5 * 1024 * 1024),
    // The ports a capture may connect to; anything else is refused like an unreachable site.
    CAPTURE_ALLOWED_PORTS: portList([80, 443]),
    // Parsing of imports and captured pages runs in worker threads (lib/parsing/), each job within
    // these budgets: a page that takes longer or needs more memory is refused, and its worker ends.
    PARSE_TIMEOUT_MS: positiveInteger(15_000),
    PARSE_MEMORY_MB: positiveInteger(512),
    PARSE_WORKERS: positiveInteger(2),
    PARSE_QUEUE_LIMIT: positiveInteger(8),
    // The Chromium that prints PDF reports (lib/reports/pdf.ts); unset, Debian's /usr/bin/chromium
    // is used when it exists. Playwright's own browser download does not work on these machines.
    CHROMIUM_PATH: optionalText,
    // PDF reports made at once by the whole deployment, every process and machine together
    // (lib/reports/pdf-cap.ts: slots leased in the database); one more waits for a free slot.
    PDF_CONCURRENCY: positiveInteger(2),
    // server.ts: where it listens (`-p` wins), and the reverse proxies whose X-Forwarded-* headers
    // are believed (lib/http/trusted-proxies.ts); none by default, so the TCP peer is the client.
    PORT: positiveInteger(3000),
    TRUSTED_PROXIES: trustedProxies,
    // server.ts: how many processes serve the port (Node's cluster module); more than one needs
    // PostgreSQL, since nothing a request needs is kept in one process (docs/decisions/0015).
    SERVER_PROCESSES: positiveInteger(1),
    // Throttles (lib/limits/rate-limiter.ts), counted in the database so that every server process
    // shares them. Set well above what a person does; each refusal says how long to wait.
    RATE_LIMIT_SIGN_INS_PER_ACCOUNT: rates("5/15m,20/1d"),
    RATE_LIMIT_SIGN_INS_PER_ADDRESS: rates("30/15m,200/1d"),
    RATE_LIMIT_SIGN_UPS_PER_ADDRESS: rates("10/1h"),
    RATE_LIMIT_SIGN_UPS: rates("200/1h"),
    RATE_LIMIT_WRITES_PER_USER: rates("120/1m,2000/1h"),
    RATE_LIMIT_CAPTURES_PER_USER: rates("30/10m"),
    RATE_LIMIT_CAPTURES_PER_TEAM: rates("300/1h"),
    RATE_LIMIT_PRESENCE_PER_USER: rates("120/1m,3000/1h"),
    // Caps (lib/limits/caps.ts): what one claim, article and team may hold.
    MAX_CLAIM_QUOTE_CHARS: positiveInteger(5_000),
    MAX_CLAIMS_PER_ARTICLE: positiveInteger(2_000),
    MAX_ARTICLES_PER_TEAM: positiveInteger(5_000),
    MAX_TEAM_STORAGE_MB: positiveInteger(1_024),
  })
  .superRefine((env, ctx) => {
    const isServing = env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build";
    if (isServing && (!env.NEXTAUTH_SECRET || env.NEXTAUTH_SECRET.length < 32)) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "production needs NEXTAUTH_SECRET (at least 32 characters); run `npm run setup` or set it",
      });
    }
    // Mailed links (verification, password reset, invitations) are absolute: they need the app's address.
    if (env.SMTP_URL && !env.NEXTAUTH_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "mail (SMTP_URL) needs NEXTAUTH_URL, the app's public address, to build the links it sends",
      });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "single sign-on needs all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The one reader of process.env: validated once, throws with every problem listed. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n- ${problems.join("\n- ")}`);
  }
  cached = parsed.data;
  return cached;
}

export function isSsoEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/**
 * Whether the app can mail its links. With mail, an address is proven by a mailed link before a
 * password account can be used, and sign-up never says whether an address is registered.
 */
export function isMailEnabled(env: Env = getEnv()): boolean {
  return Boolean(env.SMTP_URL);
}

/** The secret that signs sessions and invitation mail proofs; development falls back to a fixed one. */
export function getAuthSecret(env: Env = getEnv()): string {
  return env.NEXTAUTH_SECRET ?? "development-only-secret-do-not-use-in-production";
}

/** An absolute link into the app, for mail and operator commands (NEXTAUTH_URL, else local). */
export function buildAppUrl(path: string, env: Env = getEnv()): string {
  return new URL(path, env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).toString();
}

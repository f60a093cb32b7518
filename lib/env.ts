import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "@/lib/config/database-url";

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
    NEXTAUTH_SECRET: optionalText,
    NEXTAUTH_URL: optionalText.pipe(z.url().optional()),
    OIDC_ISSUER: optionalText.pipe(z.url().optional()),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: z.string().default("SSO"),
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

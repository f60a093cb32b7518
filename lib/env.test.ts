import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const SECRET = "s".repeat(32);
const VARIABLES = [
  "NODE_ENV",
  "NEXT_PHASE",
  "DATABASE_URL",
  "NEXTAUTH_SECRET",
  "NEXTAUTH_URL",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_NAME",
  "SMTP_URL",
  "SMTP_FROM",
  "PORT",
  "TRUSTED_PROXIES",
  "RATE_LIMIT_SIGN_INS_PER_ACCOUNT",
  "RATE_LIMIT_SIGN_INS_PER_ADDRESS",
  "RATE_LIMIT_SIGN_UPS_PER_ADDRESS",
  "RATE_LIMIT_SIGN_UPS",
  "RATE_LIMIT_WRITES_PER_USER",
  "RATE_LIMIT_CAPTURES_PER_USER",
  "RATE_LIMIT_CAPTURES_PER_TEAM",
  "RATE_LIMIT_PRESENCE_PER_USER",
  "MAX_CLAIM_QUOTE_CHARS",
  "MAX_CLAIMS_PER_ARTICLE",
  "MAX_ARTICLES_PER_TEAM",
  "MAX_TEAM_STORAGE_MB",
  "CAPTURE_ALLOWED_PORTS",
  "PARSE_TIMEOUT_MS",
  "PARSE_MEMORY_MB",
  "PARSE_WORKERS",
  "PARSE_QUEUE_LIMIT",
  "SERVER_PROCESSES",
  "DATABASE_POOL_SIZE",
  "PDF_CONCURRENCY",
];

/** A fresh copy of lib/env.ts, so its memoised value starts empty and reads the stubbed process.env. */
async function loadEnvModule(variables: Record<string, string>) {
  for (const [key, value] of Object.entries(variables)) vi.stubEnv(key, value);
  vi.resetModules();
  return import("./env");
}

beforeEach(() => {
  for (const key of VARIABLES) vi.stubEnv(key, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getEnv", () => {
  it("fills in defaults for development", async () => {
    const { getEnv, isSsoEnabled } = await loadEnvModule({});
    expect(getEnv()).toMatchObject({ NODE_ENV: "development", DATABASE_URL: "file:./data/app.db", OIDC_NAME: "SSO" });
    expect(isSsoEnabled()).toBe(false);
  });

  it("reads process.env once and remembers the result", async () => {
    const { getEnv } = await loadEnvModule({ DATABASE_URL: "file:./first.db" });
    const first = getEnv();
    vi.stubEnv("DATABASE_URL", "file:./second.db");
    expect(getEnv()).toBe(first);
    expect(getEnv().DATABASE_URL).toBe("file:./first.db");
  });

  it("treats blank optional values as unset", async () => {
    const { getEnv } = await loadEnvModule({ NEXTAUTH_SECRET: "   ", NEXTAUTH_URL: "", SMTP_URL: " " });
    const env = getEnv();
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("refuses to serve production without NEXTAUTH_SECRET, naming the variable", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production" });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET/);
  });

  it("refuses a production NEXTAUTH_SECRET shorter than 32 characters", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(31) });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET.*at least 32 characters/);
  });

  it("accepts production with a 32-character secret", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET });
    expect(getEnv()).toMatchObject({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET });
  });

  it("does not ask for the secret during the production build", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    const env = getEnv();
    expect(env.NODE_ENV).toBe("production");
    expect(env.NEXTAUTH_SECRET).toBeUndefined();
  });

  it("refuses an unknown NODE_ENV and a NEXTAUTH_URL that is not a URL", async () => {
    await expect(loadEnvModule({ NODE_ENV: "staging" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/NODE_ENV/);
    await expect(loadEnvModule({ NEXTAUTH_URL: "not a url" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/NEXTAUTH_URL/);
  });

  it.each([
    ["only the issuer", { OIDC_ISSUER: "https://login.newsroom.test" }],
    ["only the client id", { OIDC_CLIENT_ID: "factdesk" }],
    ["the issuer and client id without the secret", { OIDC_ISSUER: "https://login.newsroom.test", OIDC_CLIENT_ID: "factdesk" }],
    ["the client id and secret without the issuer", { OIDC_CLIENT_ID: "factdesk", OIDC_CLIENT_SECRET: "shh" }],
  ])("refuses single sign-on configured with %s", async (_label, variables) => {
    const { getEnv } = await loadEnvModule(variables);
    expect(() => getEnv()).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
  });

  it("allows captures on ports 80 and 443 unless told otherwise, and refuses a bad port list", async () => {
    expect((await loadEnvModule({})).getEnv().CAPTURE_ALLOWED_PORTS).toEqual([80, 443]);
    expect((await loadEnvModule({ CAPTURE_ALLOWED_PORTS: " 443, 8443 " })).getEnv().CAPTURE_ALLOWED_PORTS).toEqual([443, 8443]);
    for (const bad of ["80,http", "0", "70000", "80,,443"]) {
      const { getEnv } = await loadEnvModule({ CAPTURE_ALLOWED_PORTS: bad });
      expect(() => getEnv(), bad).toThrow(/CAPTURE_ALLOWED_PORTS/);
    }
  });

  it("gives parsing its default budgets and refuses a budget that is not a positive number", async () => {
    expect((await loadEnvModule({})).getEnv()).toMatchObject({ PARSE_TIMEOUT_MS: 15_000, PARSE_MEMORY_MB: 512, PARSE_WORKERS: 2, PARSE_QUEUE_LIMIT: 8 });
    expect((await loadEnvModule({ PARSE_TIMEOUT_MS: "5000" })).getEnv().PARSE_TIMEOUT_MS).toBe(5_000);
    await expect(loadEnvModule({ PARSE_MEMORY_MB: "lots" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/PARSE_MEMORY_MB/);
  });

  it("serves with one process, ten database connections and two PDFs at a time unless told otherwise", async () => {
    expect((await loadEnvModule({})).getEnv()).toMatchObject({ SERVER_PROCESSES: 1, DATABASE_POOL_SIZE: 10, PDF_CONCURRENCY: 2 });
    expect((await loadEnvModule({ SERVER_PROCESSES: "4", DATABASE_POOL_SIZE: "20", PDF_CONCURRENCY: "3" })).getEnv()).toMatchObject({ SERVER_PROCESSES: 4, DATABASE_POOL_SIZE: 20, PDF_CONCURRENCY: 3 });
    await expect(loadEnvModule({ SERVER_PROCESSES: "0" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/SERVER_PROCESSES/);
  });

  it("lists every problem at once", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production", OIDC_CLIENT_ID: "factdesk" });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET[\s\S]*OIDC_ISSUER/);
  });
});

describe("limits and proxies", () => {
  it("trust no proxy and set the documented limits by default", async () => {
    const { getEnv } = await loadEnvModule({});
    const env = getEnv();
    expect(env.TRUSTED_PROXIES.entries).toEqual([]);
    expect(env.TRUSTED_PROXIES.isTrusted("127.0.0.1")).toBe(false);
    expect(env.PORT).toBe(3000);
    expect(env.RATE_LIMIT_SIGN_INS_PER_ACCOUNT).toEqual([{ count: 5, windowMs: 900_000 }, { count: 20, windowMs: 86_400_000 }]);
    expect(env.RATE_LIMIT_SIGN_INS_PER_ADDRESS).toEqual([{ count: 30, windowMs: 900_000 }, { count: 200, windowMs: 86_400_000 }]);
    expect(env.RATE_LIMIT_SIGN_UPS_PER_ADDRESS).toEqual([{ count: 10, windowMs: 3_600_000 }]);
    expect(env.RATE_LIMIT_SIGN_UPS).toEqual([{ count: 200, windowMs: 3_600_000 }]);
    expect(env.RATE_LIMIT_WRITES_PER_USER).toEqual([{ count: 120, windowMs: 60_000 }, { count: 2_000, windowMs: 3_600_000 }]);
    expect(env.RATE_LIMIT_CAPTURES_PER_USER).toEqual([{ count: 30, windowMs: 600_000 }]);
    expect(env.RATE_LIMIT_CAPTURES_PER_TEAM).toEqual([{ count: 300, windowMs: 3_600_000 }]);
    expect(env).toMatchObject({ MAX_CLAIM_QUOTE_CHARS: 5_000, MAX_CLAIMS_PER_ARTICLE: 2_000, MAX_ARTICLES_PER_TEAM: 5_000, MAX_TEAM_STORAGE_MB: 1_024 });
  });

  it("read proxies, rates and caps, and off", async () => {
    const { getEnv } = await loadEnvModule({ TRUSTED_PROXIES: "loopback, 10.0.0.0/8", RATE_LIMIT_WRITES_PER_USER: "off", MAX_TEAM_STORAGE_MB: "50" });
    const env = getEnv();
    expect(env.TRUSTED_PROXIES.isTrusted("10.1.1.1")).toBe(true);
    expect(env.RATE_LIMIT_WRITES_PER_USER).toEqual([]);
    expect(env.MAX_TEAM_STORAGE_MB).toBe(50);
  });

  it("refuse what they cannot read, naming the variable", async () => {
    await expect(loadEnvModule({ TRUSTED_PROXIES: "proxy.internal" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/TRUSTED_PROXIES: "proxy.internal" is not an IP address/);
    await expect(loadEnvModule({ RATE_LIMIT_SIGN_INS_PER_ACCOUNT: "5 per minute" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/RATE_LIMIT_SIGN_INS_PER_ACCOUNT: "5 per minute" is not a rate/);
    await expect(loadEnvModule({ MAX_CLAIMS_PER_ARTICLE: "0" }).then(({ getEnv }) => getEnv())).rejects.toThrow(/MAX_CLAIMS_PER_ARTICLE/);
  });
});

describe("isSsoEnabled", () => {
  it("is true when all three OIDC variables are set", async () => {
    const { getEnv, isSsoEnabled } = await loadEnvModule({
      OIDC_ISSUER: "https://login.newsroom.test",
      OIDC_CLIENT_ID: "factdesk",
      OIDC_CLIENT_SECRET: "shh",
      OIDC_NAME: "Newsroom login",
    });
    expect(isSsoEnabled()).toBe(true);
    expect(getEnv().OIDC_NAME).toBe("Newsroom login");
  });

  it("is false when none is set", async () => {
    const { isSsoEnabled } = await loadEnvModule({});
    expect(isSsoEnabled()).toBe(false);
  });
});

describe("mail", () => {
  it("is on when SMTP_URL is set, and then needs NEXTAUTH_URL for the links it sends", async () => {
    const { getEnv } = await loadEnvModule({ SMTP_URL: "smtp://mail.newsroom.test:587" });
    expect(() => getEnv()).toThrow(/NEXTAUTH_URL: mail \(SMTP_URL\) needs NEXTAUTH_URL/);
    const configured = await loadEnvModule({ SMTP_URL: "smtp://mail.newsroom.test:587", NEXTAUTH_URL: "https://factdesk.newsroom.test" });
    expect(configured.isMailEnabled()).toBe(true);
    expect(configured.buildAppUrl("/verify-email/abc")).toBe("https://factdesk.newsroom.test/verify-email/abc");
  });

  it("is off without SMTP_URL; links then point at the local server", async () => {
    const { buildAppUrl, isMailEnabled } = await loadEnvModule({ PORT: "4000" });
    expect(isMailEnabled()).toBe(false);
    expect(buildAppUrl("/reset-password/abc")).toBe("http://localhost:4000/reset-password/abc");
  });
});

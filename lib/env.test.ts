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
  "CAPTURE_ALLOWED_PORTS",
  "PARSE_TIMEOUT_MS",
  "PARSE_MEMORY_MB",
  "PARSE_WORKERS",
  "PARSE_QUEUE_LIMIT",
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

  it("lists every problem at once", async () => {
    const { getEnv } = await loadEnvModule({ NODE_ENV: "production", OIDC_CLIENT_ID: "factdesk" });
    expect(() => getEnv()).toThrow(/NEXTAUTH_SECRET[\s\S]*OIDC_ISSUER/);
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

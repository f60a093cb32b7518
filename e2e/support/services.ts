/**
 * Where the e2e run's stand-in services live: a real OpenID Connect provider and an SMTP sink,
 * started by start-server.ts next to the app. Ports derive from E2E_PORT, so parallel runs with
 * different E2E_PORT values do not clash. Shared by the server script and the specs.
 */
import path from "node:path";
import { E2E_BASE_URL, E2E_PORT } from "./constants";

export const OIDC_PORT = E2E_PORT + 1;
export const SMTP_PORT = E2E_PORT + 2;

export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "factdesk-e2e";
export const OIDC_CLIENT_SECRET = "factdesk-e2e-client-secret-0123456789abcdef";
export const OIDC_NAME = "Newsroom SSO";
export const OIDC_REDIRECT_URI = `${E2E_BASE_URL}/api/auth/callback/oidc`;

/** ignoreTLS: nodemailer's URL parser turns query parameters into transport options. */
export const SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}?ignoreTLS=true`;
export const SMTP_FROM = "FactDesk E2E <no-reply@factdesk.e2e.test>";
/** The sink writes every message it accepts here, raw, one .eml file each. */
export const MAIL_DIR = path.resolve(`e2e/.artifacts/mail-${SMTP_PORT}`);

/**
 * The provider's directory: every address at SSO_DOMAIN is a test account (sub, email,
 * email_verified, name), signing in with SSO_PASSWORD, so each test brings its own fresh account
 * (independent and retry-safe). The subject is stable per address; the name comes from the local
 * part; a local part starting with "unverified-" gets email_verified: false.
 */
export const SSO_PASSWORD = "sso password 123";
export const SSO_DOMAIN = "sso.e2e.test";
const SUBJECT_PREFIX = "e2e-sso|";

export type SsoAccount = { sub: string; email: string; email_verified: boolean; name: string };

/** The account behind an email, or undefined when the provider does not know it. */
export function findSsoAccount(email: string): SsoAccount | undefined {
  const match = /^([a-z0-9._-]+)@(.+)$/.exec(email.trim().toLowerCase());
  if (!match || match[2] !== SSO_DOMAIN) return undefined;
  const local = match[1];
  const name = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(" ");
  return { sub: `${SUBJECT_PREFIX}${local}`, email: `${local}@${SSO_DOMAIN}`, email_verified: !local.startsWith("unverified-"), name };
}

/** The reverse of findSsoAccount, for the provider's findAccount(sub). */
export function findSsoAccountBySubject(sub: string): SsoAccount | undefined {
  return sub.startsWith(SUBJECT_PREFIX) ? findSsoAccount(`${sub.slice(SUBJECT_PREFIX.length)}@${SSO_DOMAIN}`) : undefined;
}

/**
 * The parsing budget of the e2e server (PARSE_TIMEOUT_MS): short, so the pathological inputs of
 * parsing-freeze.spec.ts are refused rather than read on a fast machine, and the refusal is tested.
 */
export const E2E_PARSE_TIMEOUT_S = 5;

/** A stand-in for the web pages editors cite, so capture can fetch real HTTP (see source-site.ts). */
export const SOURCE_SITE_PORT = E2E_PORT + 3;
export const SOURCE_SITE_URL = `http://127.0.0.1:${SOURCE_SITE_PORT}`;

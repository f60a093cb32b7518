/**
 * A real OpenID Connect provider (panva's oidc-provider) for the e2e run, on loopback: one
 * registered confidential client (the app) and a tiny login page that checks the account's
 * email and password. Consent is implied for this first-party client.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Server } from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { findSsoAccount, findSsoAccountBySubject, SSO_PASSWORD } from "./services";

export type OidcProviderOptions = {
  issuer: string;
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
};

const SCOPE = "openid email profile";

export async function startOidcProvider(options: OidcProviderOptions): Promise<{ close: () => Promise<void> }> {
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: "e2e-signing-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The app reads the profile from the ID token (next-auth `idToken: true`), like most providers
    // that put the scope's claims there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = findSsoAccountBySubject(sub);
      if (!account) return undefined;
      return { accountId: account.sub, claims: async () => ({ ...account }) };
    },
    // First-party client: grant the requested scope without a consent screen.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page("Sign-in error", `<p role="alert">${escapeHtml(JSON.stringify(out))}</p>`);
    },
  };

  const provider = new Provider(options.issuer, configuration);
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([^/]+)$/.exec(ctx.path);
    if (!match) return next();
    await handleInteraction(provider, ctx as KoaContextWithOIDC);
  });

  const server: Server = await new Promise((resolve, reject) => {
    const listening = provider.listen(options.port, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleInteraction(provider: Provider, ctx: KoaContextWithOIDC) {
  ctx.set("cache-control", "no-store");
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  const { uid, prompt, params } = details;

  if (prompt.name === "consent") {
    // Not expected (loadExistingGrant grants), but finish it the same way if it comes up.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(params.client_id) });
    grant!.addOIDCScope(SCOPE);
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
    ctx.redirect(returnTo);
    return;
  }
  if (prompt.name !== "login") ctx.throw(501, `prompt ${prompt.name} is not implemented`);

  let error: string | undefined;
  let email = typeof params.login_hint === "string" ? params.login_hint : "";
  if (ctx.method === "POST") {
    const form = new URLSearchParams(await readBody(ctx));
    email = form.get("email") ?? "";
    const account = findSsoAccount(email);
    if (account && form.get("password") === SSO_PASSWORD) {
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      ctx.status = 303;
      ctx.redirect(returnTo);
      return;
    }
    error = "Unknown email or wrong password.";
  }
  ctx.type = "html";
  ctx.body = page(
    "Newsroom SSO",
    `<h1>Newsroom SSO</h1>
    <p>Sign in to continue to ${escapeHtml(String(params.client_id))}.</p>
    ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
    <form method="post" action="/interaction/${encodeURIComponent(uid)}" autocomplete="off">
      <p><label for="email">Email</label> <input id="email" name="email" type="email" value="${escapeHtml(email)}" required autofocus></p>
      <p><label for="password">Password</label> <input id="password" name="password" type="password" required></p>
      <p><button type="submit">Continue</button></p>
    </form>`,
  );
}

function readBody(ctx: KoaContextWithOIDC): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    ctx.req.setEncoding("utf8");
    ctx.req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) reject(new Error("body too large"));
    });
    ctx.req.on("end", () => resolve(body));
    ctx.req.on("error", reject);
  });
}

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

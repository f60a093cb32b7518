import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getAuthSecret, getEnv, isMailEnabled, isSsoEnabled } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record";
import { authenticateWithPassword, readClientAddress } from "./authenticate";
import { readSafeCallbackUrl } from "./callback-url";
import { checkSsoSignIn, linkSsoUser, SSO_PROVIDER_ID } from "./sso";

const SESSION_HOURS = 12;

function buildProviders(): NextAuthOptions["providers"] {
  const env = getEnv();
  const credentials = CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const result = await authenticateWithPassword(db, credentials ?? {}, readClientAddress(req?.headers), { isMailEnabled: isMailEnabled(env) });
      // next-auth passes a thrown message to the sign-in form, which shows it as it is.
      if (!result.ok) throw new Error(result.message);
      return result.user;
    },
  });
  if (!isSsoEnabled(env)) return [credentials];
  const issuer = env.OIDC_ISSUER!.replace(/\/$/, "");
  return [
    credentials,
    {
      id: SSO_PROVIDER_ID,
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      // Strict providers keep the ID token thin (only sub) and give email and name from userinfo.
      userinfo: {
        async request({ tokens, client }) {
          const claims = (tokens as typeof tokens & { claims(): Record<string, unknown> }).claims();
          if (claims.email) return claims;
          const info = await client.userinfo(tokens.access_token!);
          if (info.sub !== claims.sub) throw new Error("The single sign-on userinfo is for another subject.");
          return { ...info, ...claims };
        },
      },
      checks: ["pkce", "state"],
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      profile(profile: { sub: string; name?: string; preferred_username?: string; email?: string }) {
        return { id: profile.sub, name: profile.name ?? profile.preferred_username ?? profile.email ?? "", email: profile.email ?? null };
      },
    },
  ];
}

/** next-auth configuration: JWT sessions carrying only our user id; every request reloads the user. */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: getAuthSecret(env),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: buildProviders(),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        // Refused sign-ins land on /sign-in?error=..., which explains what went wrong.
        const problem = await checkSsoSignIn(db, { issuer: env.OIDC_ISSUER!, profile: profile as SsoProfile | undefined });
        return problem ? `/sign-in?error=${problem}` : true;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === SSO_PROVIDER_ID && profile) {
          const linked = await linkSsoUser(db, { issuer: env.OIDC_ISSUER!, profile: profile as SsoProfile });
          token.uid = linked.id;
          token.email = linked.email;
          token.name = linked.name;
          token.sv = linked.sessionVersion;
        } else if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        // The session version the token began under: lib/auth/session.ts compares it with the account's.
        if (session.user) Object.assign(session.user, { id: token.uid as string, sv: token.sv ?? 0 });
        return session;
      },
      // Only same-origin paths, percent-encoded (a raw non-ASCII path cannot go into a Location header).
      async redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${readSafeCallbackUrl(path)}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.uid) await recordAuditEvent(db, { type: "auth.signed_out", userId: token.uid as string, email: token.email });
      },
    },
  };
}

type SsoProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

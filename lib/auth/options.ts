import type { NextAuthOptions, Session } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getAuthSecret, getEnv, isMailEnabled, isSsoEnabled } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record";
import { readClientAddress } from "@/lib/http/client-address";
import { authenticateWithPassword } from "./authenticate";
import { readSafeCallbackUrl } from "./callback-url";
import { offerDeviceToken, readDeviceToken } from "./device-cookie";
import { loadSessionUser, revokeSession, startSession } from "./sessions";
import { checkSsoSignIn, linkSsoUser, SSO_PROVIDER_ID } from "./sso";

/** What next-auth's callbacks cannot see of the request that signs someone in. */
export type AuthRequestInfo = { userAgent?: string | null };

function buildProviders(): NextAuthOptions["providers"] {
  const env = getEnv();
  const credentials = CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: {
      email: { label: "Email", type: "email" },
      password: { label: "Password", type: "password" },
      // The authenticator app's code (or a recovery code), sent once the form is asked for it.
      code: { label: "Code", type: "text" },
    },
    async authorize(credentials, req) {
      const headers = req?.headers;
      const result = await authenticateWithPassword(db, credentials ?? {}, readClientAddress(headers), {
        deviceToken: readDeviceToken(headers),
        isMailEnabled: isMailEnabled(env),
      });
      // next-auth passes a thrown message to the sign-in form, which shows it as it is.
      if (!result.ok) throw new Error(result.message);
      offerDeviceToken(result.deviceToken);
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

/**
 * next-auth configuration: the JWT cookie carries the id of a session row (lib/auth/sessions.ts),
 * which every request loads with its user; sign-out revokes the row, so a copied cookie dies too.
 */
export function getAuthOptions(request: AuthRequestInfo = {}): NextAuthOptions {
  const env = getEnv();
  return {
    secret: getAuthSecret(env),
    // The cookie may live as long as a session can; the row decides when it ends (idle or absolute).
    session: { strategy: "jwt", maxAge: env.SESSION_LIFETIME_DAYS * 24 * 60 * 60 },
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
        } else if (user) {
          token.uid = user.id;
        }
        // `user` is set only at sign-in: open the session the cookie will name.
        if (user && typeof token.uid === "string") {
          const method = account?.provider === SSO_PROVIDER_ID ? "sso" : "password";
          token.sid = await startSession(db, { userId: token.uid, method, userAgent: request.userAgent });
        }
        return token;
      },
      async session({ session, token }) {
        const user = typeof token.sid === "string" ? await loadSessionUser(db, token.sid, { isMailEnabled: isMailEnabled(env) }) : null;
        // An empty session is next-auth's "signed out": getServerSession answers null.
        if (!user) return {} as Session;
        return { ...session, user };
      },
      // Only same-origin paths, percent-encoded (a raw non-ASCII path cannot go into a Location header).
      async redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${readSafeCallbackUrl(path)}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string" && typeof token.uid === "string") {
          await revokeSession(db, { userId: token.uid, sessionId: token.sid });
        }
        if (token?.uid) await recordAuditEvent(db, { type: "auth.signed_out", userId: token.uid as string, email: token.email });
      },
    },
  };
}

type SsoProfile = { sub: string; email?: string; email_verified?: boolean; name?: string; preferred_username?: string };

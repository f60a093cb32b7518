import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv, isSsoEnabled } from "@/lib/env";
import { recordAuditEvent } from "@/lib/audit/record";
import { readClientAddress } from "@/lib/http/client-address";
import { authenticateWithPassword } from "./authenticate";
import { offerDeviceToken, readDeviceToken } from "./device-cookie";
import { checkSsoSignIn, linkSsoUser, SSO_PROVIDER_ID } from "./sso";

const SESSION_HOURS = 12;

function buildProviders(): NextAuthOptions["providers"] {
  const env = getEnv();
  const credentials = CredentialsProvider({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const headers = req?.headers;
      const result = await authenticateWithPassword(db, credentials ?? {}, readClientAddress(headers), { deviceToken: readDeviceToken(headers) });
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

/** next-auth configuration: JWT sessions carrying only our user id; every request reloads the user. */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET ?? "development-only-secret-do-not-use-in-production",
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
        } else if (user) {
          token.uid = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) (session.user as { id?: string }).id = token.uid as string;
        return session;
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

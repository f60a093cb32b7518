import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { readSafeCallbackUrl } from "@/lib/auth/callback-url";
import { describeAuthError, describeSignInNotice } from "@/lib/auth/error-messages";
import { getSessionUser } from "@/lib/auth/session";
import { getEnv, isSsoEnabled } from "@/lib/env";
import { resendVerificationAction } from "./actions";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = readSafeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const env = getEnv();
  const error = typeof params.error === "string" ? params.error : undefined;
  const notice = describeSignInNotice(params.notice);
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-6 text-sm text-slate-600">Welcome back to your newsroom&apos;s fact-checking desk.</p>
      {notice ? (
        <div className="mb-4">
          <Notice tone="success">{notice}</Notice>
        </div>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} initialError={describeAuthError(error)} resend={resendVerificationAction} />
      <p className="mt-3 text-sm">
        <Link className="font-medium text-brand-700 underline" href="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      {isSsoEnabled(env) ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <SsoButton name={env.OIDC_NAME} callbackUrl={callbackUrl} />
        </div>
      ) : null}
      <p className="mt-6 text-sm text-slate-600">
        New here?{" "}
        <Link className="font-medium text-brand-700 underline" href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </Card>
  );
}

import Link from "next/link";
import { redirect } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { getSessionUser } from "@/lib/auth/session";
import { isMailEnabled } from "@/lib/env";
import { requestPasswordResetAction } from "./actions";

export const metadata = { title: "Forgot your password?" };

export default async function ForgotPasswordPage() {
  if (await getSessionUser()) redirect("/");
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Forgot your password?</h1>
      {isMailEnabled() ? (
        <>
          <p className="mb-6 text-sm text-slate-600">Enter your email address: we will mail you a link to choose a new password.</p>
          <ForgotPasswordForm action={requestPasswordResetAction} />
        </>
      ) : (
        <div className="mt-4">
          {/* Without mail there is no channel to prove the address through; the operator can make a link. */}
          <Notice>
            This server does not send mail. Ask your administrator for a password-reset link: they can make one for your address
            with <code>npm run user:reset-password</code>.
          </Notice>
        </div>
      )}
      <p className="mt-6 text-sm text-slate-600">
        <Link className="font-medium text-brand-700 underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}

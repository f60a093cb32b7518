import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { findAccountToken } from "@/lib/auth/account-tokens";
import { db } from "@/lib/db";
import { resetPasswordAction } from "./actions";

export const metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ params }: PageProps<"/reset-password/[token]">) {
  const { token } = await params;
  const link = await findAccountToken(db, token, "reset_password");
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Choose a new password</h1>
      {link.status === "valid" ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            For <strong>{link.email}</strong>. Every session of the account ends when you save it.
          </p>
          <ResetPasswordForm action={resetPasswordAction} token={token} />
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Notice tone="error">{link.message}</Notice>
          <Link className="font-medium text-brand-700 underline" href="/forgot-password">
            Ask for a new link
          </Link>
        </div>
      )}
    </Card>
  );
}

import Link from "next/link";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { findAccountToken } from "@/lib/auth/account-tokens";
import { db } from "@/lib/db";
import { confirmEmailAction } from "./actions";

export const metadata = { title: "Confirm your email address" };

/**
 * The mailed verification link. Opening it changes nothing (mail scanners open links too); the
 * account's password and the button do, once.
 */
export default async function VerifyEmailPage({ params }: PageProps<"/verify-email/[token]">) {
  const { token } = await params;
  const link = await findAccountToken(db, token, "verify_email");
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Confirm your email address</h1>
      {link.status === "valid" ? (
        <>
          <p className="mb-6 text-sm text-slate-600">
            Confirm that <strong>{link.email}</strong> is yours with the password you chose. If you did not create a FactDesk
            account, close this page: someone else used your address, and without this step their account stays unusable.
          </p>
          <ConfirmEmailForm action={confirmEmailAction} token={token} email={link.email} />
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <Notice tone="error">{link.message}</Notice>
          <p className="text-sm text-slate-600">
            Sign in to have a new link sent.{" "}
            <Link className="font-medium text-brand-700 underline" href="/sign-in">
              Sign in
            </Link>
          </p>
        </div>
      )}
    </Card>
  );
}

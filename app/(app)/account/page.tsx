import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SessionList } from "@/components/account/session-list";
import { TurnOffTwoStepForm } from "@/components/account/turn-off-two-step-form";
import { TwoStepSetup } from "@/components/account/two-step-setup";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/card";
import { getAccountOverview } from "@/lib/account/queries";
import { RECOVERY_CODE_COUNT } from "@/lib/auth/mfa";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { findHomeTeamSlug } from "@/lib/teams/queries";
import { countOf } from "@/lib/text/plural";
import {
  cancelTwoStepAction,
  changePasswordAction,
  confirmTwoStepAction,
  deleteAccountAction,
  endSessionAction,
  signOutEverywhereAction,
  startTwoStepAction,
  turnOffTwoStepAction,
} from "./actions";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const session = await getSessionUser();
  const [account, homeSlug] = await Promise.all([getAccountOverview(db, user.id), findHomeTeamSlug(db, user.id)]);
  const isTwoStepOn = account.twoStep.state === "on";
  const env = getEnv();
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <div>
        <div className="flex items-center justify-between gap-4">
          {homeSlug ? (
            <Link href={`/t/${homeSlug}`} className="text-sm text-brand-700 underline">
              Back to your team
            </Link>
          ) : (
            <Link href="/teams/new" className="text-sm text-brand-700 underline">
              Create a team
            </Link>
          )}
          <SignOutButton />
        </div>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Your account</h1>
        <p className="text-sm text-slate-600">
          {account.name}, {account.email}
        </p>
      </div>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Where you are signed in</h2>
        <p className="mb-2 text-sm text-slate-600">
          A session ends after {countOf(env.SESSION_IDLE_HOURS, "hour")} without use and {countOf(env.SESSION_LIFETIME_DAYS, "day")} after you signed in,
          or when you sign out. Sign out of a device you do not recognise, and change your password.
        </p>
        <SessionList sessions={account.sessions} currentId={session?.sessionId ?? ""} endSession={endSessionAction} signOutEverywhere={signOutEverywhereAction} />
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Password</h2>
        {account.hasPassword ? (
          <ChangePasswordForm action={changePasswordAction} asksForCode={isTwoStepOn} />
        ) : (
          <p className="text-sm text-slate-600">You sign in with single sign-on, so this account has no password.</p>
        )}
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Two-step verification</h2>
        {!account.hasPassword ? (
          <p className="text-sm text-slate-600">Your single sign-on provider asks for its own second step when you sign in.</p>
        ) : account.twoStep.state === "on" ? (
          <div className="space-y-4">
            <p className="text-sm">
              <strong>On.</strong> Signing in with your password also asks for a code from your authenticator app.{" "}
              {account.twoStep.recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes left.
            </p>
            <TurnOffTwoStepForm action={turnOffTwoStepAction} />
          </div>
        ) : account.twoStep.state === "pending" ? (
          <div className="space-y-4">
            <TwoStepSetup secret={account.twoStep.secret} qrCode={account.twoStep.qrCode} confirm={confirmTwoStepAction} />
            <ActionButton action={cancelTwoStepAction} fields={{}} pendingLabel="Cancelling…">
              Cancel set-up
            </ActionButton>
          </div>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              Off. With it on, signing in with your password also asks for a 6-digit code from an app on your phone, so a stolen
              password alone is not enough. (Single sign-on asks for its own.)
            </p>
            <ActionButton action={startTwoStepAction} fields={{}} variant="primary" pendingLabel="Preparing…">
              Set up two-step verification
            </ActionButton>
          </div>
        )}
      </Card>

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Delete your account</h2>
        <p className="mb-4 text-sm text-slate-600">
          Your name and email are removed and you can no longer sign in. What you did in your teams stays in their history, shown as
          by &ldquo;Deleted user&rdquo;. Teams where you are the only member are deleted with everything in them. If you are the only
          owner of a team with other members, make one of them an owner first.
        </p>
        <DeleteAccountForm action={deleteAccountAction} hasPassword={account.hasPassword} asksForCode={isTwoStepOn && account.hasPassword} email={account.email} />
      </Card>
    </main>
  );
}

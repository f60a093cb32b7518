import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { maskEmail } from "@/lib/auth/email-proof";
import { roleDescriptions, isRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvitation } from "@/lib/teams/invitations";
import { findAddressMismatch, invitationStatusMessages } from "@/lib/teams/invitation-token";
import { acceptInvitationAction } from "./actions";

export const metadata = { title: "Invitation" };

export default async function InvitationPage({ params, searchParams }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const { m } = await searchParams;
  const mailed = typeof m === "string" && m.length <= 100 ? m : undefined;
  const [invitation, user] = await Promise.all([findInvitation(db, token), getSessionUser()]);
  const deadReason = !invitation
    ? "This invitation link is not valid. Check that you copied all of it."
    : invitation.status !== "valid"
      ? invitationStatusMessages[invitation.status]
      : !invitation.email
        ? findAddressMismatch(null, "")
        : null;
  if (!invitation || deadReason) {
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Invitation</h1>
        <Notice tone="error">{deadReason}</Notice>
        <Link href="/" className={`${buttonClasses("secondary")} mt-6`}>
          Go to FactDesk
        </Link>
      </Card>
    );
  }
  const { team, role, createdBy } = invitation;
  const here = `/invite/${encodeURIComponent(token)}${mailed ? `?m=${encodeURIComponent(mailed)}` : ""}`;
  const mismatch = user ? findAddressMismatch(invitation.email, user.email) : null;
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Join {team.name}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {createdBy.name} invited you as <strong>{role}</strong>
        {isRole(role) ? ` (${roleDescriptions[role].toLowerCase()})` : ""}. The invitation is for {maskEmail(invitation.email!)}; the link works
        once and expires on {invitation.expiresAt.toUTCString().slice(0, 16)}.
      </p>
      {user ? (
        <>
          <p className="mb-4 text-sm">
            Signed in as <strong>{user.name}</strong> ({user.email}).
          </p>
          {mismatch ? (
            <Notice tone="error">{mismatch}</Notice>
          ) : (
            <AcceptInvitationForm action={acceptInvitationAction} token={token} mailed={mailed} teamName={team.name} />
          )}
          <div className="mt-4 text-sm text-slate-600">
            {mismatch ? "Have that address? " : "Not you? "}
            <SignOutButton callbackUrl={here} variant="link" />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3">
          <Link
            className={buttonClasses("primary")}
            href={`/sign-up?invitation=${encodeURIComponent(token)}${mailed ? `&m=${encodeURIComponent(mailed)}` : ""}`}
          >
            Create an account to join
          </Link>
          <Link className={buttonClasses("secondary")} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
            I already have an account: sign in
          </Link>
        </div>
      )}
    </Card>
  );
}

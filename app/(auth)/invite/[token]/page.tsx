import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { roleDescriptions, isRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvitation } from "@/lib/teams/invitations";
import { invitationStatusMessages } from "@/lib/teams/invitation-token";
import { acceptInvitationAction } from "./actions";

export const metadata = { title: "Invitation" };

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(db, token), getSessionUser()]);
  if (!invitation || invitation.status !== "valid") {
    return (
      <Card>
        <h1 className="mb-4 text-xl font-semibold">Invitation</h1>
        <Notice tone="error">
          {invitation && invitation.status !== "valid"
            ? invitationStatusMessages[invitation.status]
            : "This invitation link is not valid. Check that you copied all of it."}
        </Notice>
        <Link href="/" className={`${buttonClasses("secondary")} mt-6`}>
          Go to FactDesk
        </Link>
      </Card>
    );
  }
  const { team, role, createdBy } = invitation;
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Join {team.name}</h1>
      <p className="mb-6 text-sm text-slate-600">
        {createdBy.name} invited you as <strong>{role}</strong>
        {isRole(role) ? ` (${roleDescriptions[role].toLowerCase()})` : ""}. The link works once and expires on{" "}
        {invitation.expiresAt.toUTCString().slice(0, 16)}.
      </p>
      {user ? (
        <>
          <p className="mb-4 text-sm">
            Signed in as <strong>{user.name}</strong> ({user.email}).
          </p>
          <AcceptInvitationForm action={acceptInvitationAction} token={token} teamName={team.name} />
          <div className="mt-4 text-sm text-slate-600">
            Not you? <SignOutButton callbackUrl={`/invite/${token}`} variant="link" />
          </div>
        </>
      ) : (
        <div className="flex flex-col gap-3">
          <Link className={buttonClasses("primary")} href={`/sign-up?invitation=${encodeURIComponent(token)}`}>
            Create an account to join
          </Link>
          <Link className={buttonClasses("secondary")} href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
            I already have an account: sign in
          </Link>
        </div>
      )}
    </Card>
  );
}

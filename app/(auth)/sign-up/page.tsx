import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { readSafeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readInvitationPath } from "@/lib/teams/invitation-token";
import { findInvitation } from "@/lib/teams/invitations";
import { signUpAction } from "./actions";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  if (await getSessionUser()) redirect(readSafeCallbackUrl(params.callbackUrl));
  // From the invitation page directly (?invitation=), or by way of sign-in (?callbackUrl=/invite/…).
  const fromInvitePage = readInvitationPath(readSafeCallbackUrl(params.callbackUrl));
  const token = typeof params.invitation === "string" ? params.invitation : fromInvitePage?.token;
  const mailed = typeof params.m === "string" ? params.m : fromInvitePage?.mailed;
  const invitation = token ? await findInvitation(db, token) : null;
  // A link made before invitations named an address cannot be used any more (it names nobody).
  const isInvited = invitation?.status === "valid" && Boolean(invitation.email);
  const invitePath = token ? `/invite/${encodeURIComponent(token)}${mailed ? `?m=${encodeURIComponent(mailed)}` : ""}` : null;
  return (
    <Card>
      <h1 className="mb-1 text-xl font-semibold">Create an account</h1>
      <p className="mb-6 text-sm text-slate-600">
        {isInvited
          ? `${invitation.createdBy.name} invited you to ${invitation.team.name} as ${invitation.role}.`
          : "Start a fact-checking desk for your newsroom. You can invite your team next."}
      </p>
      {token && !isInvited ? (
        <div className="mb-4">
          <Notice tone="error">This invitation link no longer works. You can still create an account with your own team.</Notice>
        </div>
      ) : null}
      <SignUpForm
        action={signUpAction}
        invitation={isInvited ? { token: token!, email: invitation.email!, teamName: invitation.team.name, mailed } : undefined}
      />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-700 underline" href={invitePath ? `/sign-in?callbackUrl=${encodeURIComponent(invitePath)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </Card>
  );
}

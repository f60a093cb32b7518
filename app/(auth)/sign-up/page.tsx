import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { readSafeCallbackUrl } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findInvitation } from "@/lib/teams/invitations";
import { signUpAction } from "./actions";

export const metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  if (await getSessionUser()) redirect(readSafeCallbackUrl(params.callbackUrl));
  const token = typeof params.invitation === "string" ? params.invitation : undefined;
  const invitation = token ? await findInvitation(db, token) : null;
  const isInvited = invitation?.status === "valid";
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
      <SignUpForm action={signUpAction} invitation={isInvited ? token : undefined} teamName={isInvited ? invitation.team.name : undefined} />
      <p className="mt-6 text-sm text-slate-600">
        Already have an account?{" "}
        <Link className="font-medium text-brand-700 underline" href={token ? `/sign-in?callbackUrl=/invite/${encodeURIComponent(token)}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </Card>
  );
}

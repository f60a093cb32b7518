"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { describeSignUpMailed } from "@/lib/auth/messages";

type Outcome = { next: "sign-in"; teamSlug: string } | { next: "check-inbox"; email: string };
type SignUpAction = (state: ActionResult<Outcome> | null, form: FormData) => Promise<ActionResult<Outcome>>;
type Invitation = { token: string; email: string; teamName: string; mailed?: string };

/**
 * Creates the account (and team, or joins the invited one). Where the address is proven already
 * (an invitation) or cannot be (no mail), it then signs in with the same password; otherwise it
 * says to open the mailed link, whatever the address (sign-up does not reveal who is registered).
 */
export function SignUpForm({ action, invitation }: { action: SignUpAction; invitation?: Invitation }) {
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [state, formAction] = useActionState(async (previous: ActionResult<Outcome> | null, form: FormData) => {
    credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    return action(previous, form);
  }, null);

  useEffect(() => {
    if (!state?.ok || state.data.next !== "sign-in" || !credentials.current) return;
    const { email, password } = credentials.current;
    const { teamSlug } = state.data;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then(() => {
      router.replace(`/t/${teamSlug}`);
      router.refresh();
    });
  }, [state, router]);

  if (state?.ok && state.data.next === "check-inbox") {
    return <Notice tone="success">{describeSignUpMailed(state.data.email)}</Notice>;
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok ? <Notice tone="success">Account created. Signing you in…</Notice> : null}
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={values.name} errors={errors.name} />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        // An invitation is for one address: the owner named it, and only it can join.
        readOnly={Boolean(invitation)}
        defaultValue={invitation?.email ?? values.email}
        hint={invitation ? "The address the invitation was made for; it cannot be changed here." : undefined}
        errors={errors.email}
      />
      <NewPasswordField errors={errors.password} />
      {invitation ? (
        <>
          <input type="hidden" name="invitation" value={invitation.token} />
          {invitation.mailed ? <input type="hidden" name="mailed" value={invitation.mailed} /> : null}
        </>
      ) : (
        <Field
          label="Newsroom or team name"
          name="teamName"
          autoComplete="organization"
          placeholder="e.g. Metro Desk"
          hint="You will be its owner and can invite your colleagues."
          defaultValue={values.teamName}
          errors={errors.teamName}
        />
      )}
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        {invitation ? `Create account and join ${invitation.teamName}` : "Create account"}
      </SubmitButton>
    </form>
  );
}

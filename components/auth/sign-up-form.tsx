"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_LENGTH } from "@/lib/auth/password-policy";

type SignUpAction = (state: ActionResult<{ teamSlug: string }> | null, form: FormData) => Promise<ActionResult<{ teamSlug: string }>>;

/** Creates the account (and team, or joins the invited one), then signs in with the same password. */
export function SignUpForm({ action, invitation, teamName }: { action: SignUpAction; invitation?: string; teamName?: string }) {
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [state, formAction] = useActionState(async (previous: ActionResult<{ teamSlug: string }> | null, form: FormData) => {
    credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    return action(previous, form);
  }, null);

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then(() => {
      router.replace(`/t/${state.data.teamSlug}`);
      router.refresh();
    });
  }, [state, router]);

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form action={formAction} noValidate className="space-y-4">
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok ? <Notice tone="success">Account created. Signing you in…</Notice> : null}
      <Field label="Your name" name="name" autoComplete="name" required defaultValue={values.name} errors={errors.name} />
      <Field label="Work email" name="email" type="email" autoComplete="email" required defaultValue={values.email} errors={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_LENGTH.min}
        hint={`At least ${PASSWORD_LENGTH.min} characters, and not a common one: a few unrelated words make a strong password.`}
        errors={errors.password}
      />
      {invitation ? (
        <input type="hidden" name="invitation" value={invitation} />
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
        {teamName ? `Create account and join ${teamName}` : "Create account"}
      </SubmitButton>
    </form>
  );
}

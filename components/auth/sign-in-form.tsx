"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/auth/action";
import { CODE_REQUIRED_MESSAGE, WRONG_CODE_MESSAGE } from "@/lib/auth/error-messages";
import { isUnverifiedEmailMessage } from "@/lib/auth/messages";

type FieldErrors = { email?: string[]; password?: string[]; code?: string[] };
type ResendAction = (state: ActionResult | null, form: FormData) => Promise<ActionResult>;

/**
 * Email + password sign-in through next-auth; the server's message is shown as it comes. When
 * the server answers that the account needs a code (only once the password is right), a code
 * field appears and the next attempt sends it with the same email and password; when it answers
 * that the address waits for confirmation, "Send the link again" appears.
 */
export function SignInForm({ callbackUrl, initialError, resend }: { callbackUrl: string; initialError?: string; resend: ResendAction }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setPending] = useState(false);
  const [isCodeAsked, setCodeAsked] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const code = String(form.get("code") ?? "").trim();
    const errors: FieldErrors = {
      email: email ? undefined : ["Enter your email address"],
      password: password ? undefined : ["Enter your password"],
      code: isCodeAsked && !code ? ["Enter the code"] : undefined,
    };
    setFieldErrors(errors);
    if (errors.email || errors.password || errors.code) return;
    setPending(true);
    setError(undefined);
    setUnverifiedEmail(null);
    const result = await signIn("credentials", { email, password, ...(isCodeAsked ? { code } : {}), redirect: false });
    if (!result || result.error) {
      setPending(false);
      const message = result?.error === "CredentialsSignin" || !result?.error ? "Wrong email or password." : result.error;
      if (message === CODE_REQUIRED_MESSAGE || message === WRONG_CODE_MESSAGE) setCodeAsked(true);
      if (isUnverifiedEmailMessage(message)) setUnverifiedEmail(email);
      setError(message);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-4">
      {/* method="post" keeps the password out of the URL if the form is sent before its script loads. */}
      <form onSubmit={submit} method="post" noValidate className="space-y-4">
        {error ? <Notice tone={error === CODE_REQUIRED_MESSAGE ? "info" : "error"}>{error}</Notice> : null}
        <Field label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
        {isCodeAsked ? (
          <Field
            label="Code"
            name="code"
            autoComplete="one-time-code"
            required
            autoFocus
            hint="The 6-digit code from your authenticator app, or a recovery code."
            errors={fieldErrors.code}
          />
        ) : null}
        <Button type="submit" className="w-full" disabled={isPending}>
          {isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {unverifiedEmail ? <ResendLink key={unverifiedEmail} email={unverifiedEmail} resend={resend} /> : null}
    </div>
  );
}

/** "Send it again": a new verification link (the server throttles it). */
function ResendLink({ email, resend }: { email: string; resend: ResendAction }) {
  const [state, formAction] = useActionState(resend, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="email" value={email} />
      {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      <SubmitButton variant="secondary" className="w-full" pendingLabel="Sending…">
        Send the link again
      </SubmitButton>
    </form>
  );
}

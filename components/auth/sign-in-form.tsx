"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type FieldErrors = { email?: string[]; password?: string[] };

/** Email + password sign-in through next-auth; the server's message is shown as it comes. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const errors: FieldErrors = {
      email: email ? undefined : ["Enter your email address"],
      password: password ? undefined : ["Enter your password"],
    };
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error === "CredentialsSignin" || !result?.error ? "Wrong email or password." : result.error);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    // method="post" keeps the password out of the URL if the form is sent before its script loads.
    <form onSubmit={submit} method="post" noValidate className="space-y-4">
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={fieldErrors.password} />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

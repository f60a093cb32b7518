"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAccountForm, type AccountAction } from "./use-account-form";

/**
 * Step 2 of the set-up: the app shows a code for the secret it was given; once confirmed, the
 * recovery codes are shown here, once, until the person says they have kept them.
 */
export function TwoStepSetup({ secret, qrCode, confirm }: { secret: string; qrCode: string; confirm: AccountAction<{ recoveryCodes: string[] }> }) {
  const router = useRouter();
  const { state, formAction, errors } = useAccountForm(confirm);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <Notice tone="success">Two-step verification is on.</Notice>
        <p className="text-sm">
          Keep these recovery codes somewhere safe, apart from your phone. Each one signs you in once if you lose the app. They are
          shown only now.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 bg-slate-50 p-4 font-mono text-sm">
          {state.data.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <Button onClick={() => router.refresh()}>I have saved my recovery codes</Button>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          Scan this code with your authenticator app (for example Google Authenticator, Microsoft Authenticator, 1Password or
          Aegis):
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline data: SVG drawn on the server, nothing to optimise */}
          <img src={qrCode} alt="QR code of your two-step verification secret" width={192} height={192} className="mt-2 border border-slate-200 bg-white" />
        </li>
        <li>
          Or type this key into the app: <code className="break-all rounded bg-slate-100 px-1.5 py-0.5 font-mono" data-testid="totp-secret">{secret}</code>
        </li>
        <li>Enter the 6-digit code the app shows for FactDesk.</li>
      </ol>
      <form action={formAction} noValidate className="space-y-4">
        {state && !state.ok && !errors.code ? <Notice tone="error">{state.message}</Notice> : null}
        <Field label="Code from the app" name="code" inputMode="numeric" autoComplete="one-time-code" required errors={errors.code} />
        <SubmitButton pendingLabel="Checking…">Turn on two-step verification</SubmitButton>
      </form>
    </div>
  );
}

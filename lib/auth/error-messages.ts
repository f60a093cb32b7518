/**
 * Sent by the sign-in when the password is right and the account has two-step verification: the
 * form then shows the code field (components/auth/sign-in-form.tsx compares the text).
 */
export const CODE_REQUIRED_MESSAGE = "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";
export const WRONG_CODE_MESSAGE = "That code is not right, or it was already used. Enter the current code from your authenticator app, or an unused recovery code.";

/** next-auth's error codes (in ?error=) as sentences an editor can act on. */
export function describeAuthError(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const messages: Record<string, string> = {
    CredentialsSignin: "Wrong email or password.",
    AccessDenied: "Single sign-on refused the sign-in.",
    SsoNoEmail: "Your single sign-on account did not give an email address, so we cannot sign you in.",
    SsoEmailNotVerified:
      "An account with your email already exists, and single sign-on did not confirm that the email is yours. Sign in with your password, or ask your administrator to verify your email.",
    OAuthSignin: "Single sign-on could not be started. Try again, or sign in with your password.",
    OAuthCallback: "Single sign-on did not complete. Try again, or sign in with your password.",
    SessionRequired: "Sign in to continue.",
  };
  return messages[code] ?? "Sign-in did not work. Try again.";
}

/** What the sign-in page says after the account page sent someone there (?notice=). */
export function describeSignInNotice(code: unknown): string | undefined {
  const notices: Record<string, string> = {
    "signed-out-everywhere": "You are signed out on every device.",
    "account-deleted": "Your account is deleted.",
    "email-verified": "Your email address is confirmed. Sign in to continue.",
    "password-reset": "Your password is changed, and every session of your account has ended. Sign in with the new password.",
  };
  return typeof code === "string" ? notices[code] : undefined;
}

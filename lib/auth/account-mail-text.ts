/** The mails about an account, as plain text: what each says and the one link it carries. */
export type MailMessage = { to: string; subject: string; text: string };

function until(expiresAt: Date): string {
  return expiresAt.toUTCString();
}

export function buildVerificationMail(input: { email: string; name: string; link: string; expiresAt: Date }): MailMessage {
  return {
    to: input.email,
    subject: "Confirm your email address for FactDesk",
    text: [
      `Hello ${input.name},`,
      "",
      `Someone, hopefully you, created a FactDesk account with ${input.email}. Open this link to confirm the address is yours (it works once, until ${until(input.expiresAt)}):`,
      input.link,
      "",
      "If it was not you, do not open the link: without it the account cannot be used.",
      "",
    ].join("\n"),
  };
}

export function buildSignUpAttemptMail(input: { email: string; name: string | null; signInLink: string; resetLink: string }): MailMessage {
  return {
    to: input.email,
    subject: "Someone tried to sign up to FactDesk with your address",
    text: [
      input.name ? `Hello ${input.name},` : "Hello,",
      "",
      `Someone tried to create a FactDesk account with ${input.email}, which already has one. If it was you, sign in:`,
      input.signInLink,
      "",
      "Forgot your password? Choose a new one here:",
      input.resetLink,
      "",
      "If it was not you, nothing changed: you can ignore this mail.",
      "",
    ].join("\n"),
  };
}

export function buildPasswordResetMail(input: { email: string; name: string; link: string; expiresAt: Date }): MailMessage {
  return {
    to: input.email,
    subject: "Choose a new FactDesk password",
    text: [
      `Hello ${input.name},`,
      "",
      `Someone, hopefully you, asked to reset the password of the FactDesk account ${input.email}. Open this link to choose a new one (it works once, until ${until(input.expiresAt)}):`,
      input.link,
      "",
      "Choosing a new password signs the account out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.",
      "",
    ].join("\n"),
  };
}

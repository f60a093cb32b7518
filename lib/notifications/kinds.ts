/** Every kind (the schema's enum NotificationKind), in the order the settings list them. */
export const NOTIFICATION_KINDS = [
  "assigned",
  "sign_off_requested",
  "verdict_signed_off",
  "sign_off_withdrawn",
  "verdict_withdrawn",
  "mentioned",
  "claim_changed",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** What happened, after the actor's name: "Sam Okafor assigned you a claim". */
export const notificationPhrases: Record<NotificationKind, string> = {
  assigned: "assigned you a claim",
  sign_off_requested: "asks for a sign-off of a verdict",
  verdict_signed_off: "signed off your verdict",
  sign_off_withdrawn: "withdrew a sign-off of a claim you judged",
  verdict_withdrawn: "withdrew a verdict on a claim you judged",
  mentioned: "mentioned you in a comment",
  claim_changed: "changed a claim you judged",
};

/** The kinds as a person chooses which to have mailed. */
export const notificationKindLabels: Record<NotificationKind, string> = {
  assigned: "A claim is assigned to me",
  sign_off_requested: "A verdict awaits my sign-off",
  verdict_signed_off: "My verdict is signed off",
  sign_off_withdrawn: "A sign-off of a claim I judged is withdrawn",
  verdict_withdrawn: "A verdict on a claim I judged is withdrawn",
  mentioned: "Someone mentions me in a comment",
  claim_changed: "Someone else changes a claim I judged",
};

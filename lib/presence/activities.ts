/**
 * What a person on a page can be doing, as the database keeps it (enum PresenceActivity) and as a
 * colleague reads it. Pure: the page and the server share it.
 */
export const PRESENCE_ACTIVITIES = ["viewing", "editing_statement", "writing_verdict", "commenting"] as const;

export type PresenceActivity = (typeof PRESENCE_ACTIVITIES)[number];

const WORDS: Record<PresenceActivity, string> = {
  viewing: "viewing",
  editing_statement: "editing the statement",
  writing_verdict: "writing a verdict",
  commenting: "commenting",
};

export function describeActivity(activity: PresenceActivity): string {
  return WORDS[activity];
}

export function isPresenceActivity(value: unknown): value is PresenceActivity {
  return typeof value === "string" && (PRESENCE_ACTIVITIES as readonly string[]).includes(value);
}

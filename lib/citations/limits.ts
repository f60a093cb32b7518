/**
 * Citation limits shared by the schema and the form. Kept apart from schema.ts so the browser
 * bundle does not pull in zod, whose eval probe (`Function("")`) the CSP reports as a violation.
 */
export const PASSAGE_MAX = 5_000;

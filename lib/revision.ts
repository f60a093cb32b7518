import { z } from "zod";

/** The largest revision a row can hold: the column is a 32-bit integer on both databases. */
export const MAX_REVISION = 2 ** 31 - 1;

/**
 * The revision a save was made from (optimistic concurrency: the save applies only if the row
 * still has it). One beyond any a row can hold is stale by definition: it becomes 0, which no row
 * has, so the save is refused as stale like any other, instead of reaching PostgreSQL, which
 * refuses a number out of the column's range with an error.
 */
export const revisionSchema = z.coerce
  .number()
  .int()
  .min(1)
  .transform((value) => (value > MAX_REVISION ? 0 : value));

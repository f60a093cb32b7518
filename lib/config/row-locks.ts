import { dialectOf, type Db } from "./prisma-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The rows a transaction locks before it reads what it decides on, and what each lock guards
 * (docs/decisions/0013-concurrent-writes.md has the table of paths):
 * - Team: its members and owners, its article count and storage (imports lock it first).
 * - Membership: one member's role, while a claim is assigned to them (lockMembership).
 * - Article: its list of claims (positions, the claims-per-article cap) and its latest version.
 * - Claim: what a verdict judges (statement, quote, citations and their via chains), its
 *   verdict, sign-off and workflow state.
 * - Source: whether it is merged (a merge, and a citation naming it).
 * - User: the proof of their address, the links mailed to them.
 * Listed in the order they are taken (a membership comes between Team and Article; a source
 * registry's named lock, `lockKey`, between Claim and Source). A closed list, as the name is written into the SQL.
 */
export type LockedTable = "Team" | "Article" | "Claim" | "Source" | "User";

/**
 * Locks rows of `table` until the transaction ends, so two transactions that read the same rows
 * and write what they decided run one after the other instead of side by side. Take the locks
 * before reading, in the order of the list above (a team before its articles, an article before
 * its claims); the ids of one call are locked in ascending order, so two transactions locking
 * overlapping sets do not deadlock.
 *
 * PostgreSQL: `SELECT ... FOR NO KEY UPDATE`, the lock an UPDATE takes. It waits for another
 * transaction's lock or update of the row, but not for rows elsewhere that merely point at it
 * (a foreign key check takes a weaker lock), so adding a claim event never waits for it. After
 * the wait, the transaction's next statements see what the other one committed (Read Committed).
 * SQLite: nothing. Its writing transactions run one at a time, and one that read before another
 * process wrote is refused and run again (lib/config/transaction-retry.ts).
 */
export async function lockRows(tx: Tx, table: LockedTable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0 || dialectOf(tx as unknown as Db) !== "postgresql") return;
  const sorted = [...new Set(ids)].sort();
  const params = sorted.map((_, index) => `$${index + 1}`).join(", ");
  await tx.$executeRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" IN (${params}) ORDER BY "id" FOR NO KEY UPDATE`, ...sorted);
}

/**
 * Locks, as lockRows does, the rows of `table` that rows of another table point at: the articles
 * of some claims (`{ from: "Claim", column: "articleId", ids: claimIds }`), the claims of some
 * citations. For a path that knows only the child's id and must lock the parent before reading.
 */
export async function lockReferencedRows(
  tx: Tx,
  table: LockedTable,
  through: ({ from: "Claim"; column: "articleId" } | { from: "Citation"; column: "claimId" }) & { ids: readonly string[] },
): Promise<void> {
  if (through.ids.length === 0 || dialectOf(tx as unknown as Db) !== "postgresql") return;
  const ids = [...new Set(through.ids)];
  const params = ids.map((_, index) => `$${index + 1}`).join(", ");
  const parents = `SELECT "${through.column}" FROM "${through.from}" WHERE "id" IN (${params})`;
  await tx.$executeRawUnsafe(`SELECT 1 FROM "${table}" WHERE "id" IN (${parents}) ORDER BY "id" FOR NO KEY UPDATE`, ...ids);
}

/**
 * Locks a name until the transaction ends, for a decision about rows that do not exist yet (a new
 * team's address, a new source in a team's registry): whoever holds `key` checks and inserts
 * while others with the same key wait. PostgreSQL: a transaction-scoped advisory lock on the
 * key's 64-bit hash (two keys sharing a hash only wait for each other). SQLite: nothing, as above.
 */
export async function lockKey(tx: Tx, key: string): Promise<void> {
  if (dialectOf(tx as unknown as Db) !== "postgresql") return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, key);
}

/**
 * Locks one member's membership row (as lockRows does) and answers their role, or null if they
 * are not a member. An assignment takes it before the claims it assigns, so a role change or a
 * removal of the same member (whose UPDATE or DELETE waits for it) sees the assignment and
 * undoes it, or the assignment sees the new role and is refused (lib/verification/assignment.ts).
 */
export async function lockMembership(tx: Tx, teamId: string, userId: string) {
  if (dialectOf(tx as unknown as Db) === "postgresql") {
    await tx.$executeRawUnsafe(`SELECT 1 FROM "Membership" WHERE "teamId" = $1 AND "userId" = $2 FOR NO KEY UPDATE`, teamId, userId);
  }
  return tx.membership.findUnique({ where: { userId_teamId: { userId, teamId } }, select: { role: true, user: { select: { id: true, name: true } } } });
}

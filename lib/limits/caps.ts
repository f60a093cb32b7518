import type { Db } from "@/lib/config/prisma-client";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * What one claim, article and team may hold (MAX_* in lib/env.ts): far above what a newsroom
 * does, low enough that a tiny request cannot write megabytes. The counting checks run inside the
 * transaction of the write they guard, after it locked the row whose children are counted (the
 * article for its claims, the team for its articles: lib/config/row-locks.ts), so two writes at
 * once cannot both take the last place; the storage check is one conditional UPDATE of the
 * team's counter, so concurrent writes cannot overshoot it.
 */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const MB = 1024 * 1024;
const format = (value: number) => value.toLocaleString("en");

/**
 * A claim's passage: a sentence or a few, never a whole article. Checked before anything is built
 * from it. `isMerge`: the passage is what merging claims would make.
 */
export function refuseLongQuote(length: number, options: { isMerge?: boolean } = {}, env: Env = getEnv()): void {
  const max = env.MAX_CLAIM_QUOTE_CHARS;
  if (length <= max) return;
  const limit = `a claim's passage can be at most ${format(max)} characters`;
  throw new AppError(
    "INVALID_INPUT",
    options.isMerge
      ? `Merged, these claims would quote ${format(length)} characters of the article, everything between them included; ${limit}. Merge claims that stand closer together.`
      : `This passage is ${format(length)} characters long; ${limit}. Select the sentence or few sentences that make the claim.`,
  );
}

/** Room for `adding` more listed claims in the article (whose row the caller locked). */
export async function refuseClaimsBeyondCap(tx: Pick<Tx, "claim">, articleId: string, adding = 1, env: Env = getEnv()): Promise<void> {
  const max = env.MAX_CLAIMS_PER_ARTICLE;
  const count = await tx.claim.count({ where: { articleId, deletedAt: null } });
  if (count + adding <= max) return;
  throw new AppError(
    "INVALID_INPUT",
    `This article has ${format(count)} claims, the most one article can hold here is ${format(max)}. Merge or delete claims first; nothing was added.`,
  );
}

/** Room for one more article in the team (whose row the caller locked). */
export async function refuseArticleBeyondCap(tx: Pick<Tx, "article">, teamId: string, env: Env = getEnv()): Promise<void> {
  const max = env.MAX_ARTICLES_PER_TEAM;
  const count = await tx.article.count({ where: { teamId } });
  if (count < max) return;
  throw new AppError("INVALID_INPUT", `Your team has ${format(count)} articles, the most one team can hold here. Nothing was imported.`);
}

/** UTF-8 bytes, as the team's storage is counted. */
export function storedBytes(text: string | null | undefined): number {
  return text ? Buffer.byteLength(text, "utf8") : 0;
}

/**
 * Counts `bytes` of article text or captured page against the team's storage, or refuses when
 * they do not fit. Call it inside the transaction that stores them, so a refusal stores nothing.
 */
export async function chargeTeamStorage(tx: Pick<Tx, "team">, teamId: string, bytes: number, env: Env = getEnv()): Promise<void> {
  const quota = BigInt(env.MAX_TEAM_STORAGE_MB) * BigInt(MB);
  const size = BigInt(bytes);
  const { count } = await tx.team.updateMany({ where: { id: teamId, storageBytes: { lte: quota - size } }, data: { storageBytes: { increment: size } } });
  if (count === 1) return;
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { storageBytes: true } });
  throw storageFull(Number(team?.storageBytes ?? 0), env);
}

/** Refuses before slow work (fetching a page) when the team's storage is already full. */
export async function refuseWhenStorageFull(db: Pick<Db, "team">, teamId: string, env: Env = getEnv()): Promise<void> {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { storageBytes: true } });
  if (Number(team?.storageBytes ?? 0) >= env.MAX_TEAM_STORAGE_MB * MB) throw storageFull(Number(team!.storageBytes), env);
}

function storageFull(used: number, env: Env): AppError {
  const usedMb = (used / MB).toLocaleString("en", { maximumFractionDigits: 1 });
  return new AppError(
    "INVALID_INPUT",
    `There is no room for this in your team's storage: ${usedMb} MB of its ${format(env.MAX_TEAM_STORAGE_MB)} MB for article texts and captured pages are used. Nothing was stored.`,
  );
}

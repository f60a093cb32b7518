import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { hashPassword } from "../../lib/auth/password";
import { createClaim } from "../../lib/claims/mutations";
import type { Db } from "../../lib/config/prisma-client";
import { normalizeSourceName } from "../../lib/sources/normalize";
import { createTeam } from "../../lib/teams/mutations";

export const LOAD_PASSWORD = "load-test-password";

/** `pageUrl`: the claim's page; `articleUrl`: its article's workspace (where claims are made and edited). */
export type LoadClaim = { id: string; articleId: string; pageUrl: string; articleUrl: string };
export type LoadTeam = {
  teamId: string;
  slug: string;
  editors: Array<{ id: string; email: string }>;
  claims: LoadClaim[];
  sourceIds: string[];
};

const fixture = fs.readFileSync("prisma/fixtures/putin-private-armies.txt", "utf8");
export const BODY = fixture.slice(fixture.indexOf("Russian President Vladimir Putin is forming a network")).trimEnd();

/** Sentence ranges of the fixture's body (every article's text): the passages the claims quote. */
export function listSentences(text: string, count: number): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(/[A-Z][^.!?\n]{30,}[.!?]/g)) {
    ranges.push({ start: match.index, end: match.index + match[0].length });
    if (ranges.length === count) break;
  }
  if (ranges.length < count) throw new Error(`the fixture has only ${ranges.length} sentences, ${count} wanted`);
  return ranges;
}

/**
 * One team with `editors` editor accounts (sharing one password hash: argon2 is slow on purpose),
 * `articles` articles of `claimsPerArticle` claims each, and a few registry sources to cite.
 */
export async function seedLoadTeam(db: Db, options: { editors: number; articles: number; claimsPerArticle: number }): Promise<LoadTeam> {
  const run = randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  // Accounts made by an operator's script own their addresses, as the demo's do (prisma/seed.ts).
  const verified = { emailVerifiedAt: new Date(), emailVerifiedVia: "seed" as const };
  const owner = await db.user.create({ data: { name: `Load owner ${run}`, email: `load-owner-${run}@load.test`, passwordHash, ...verified } });
  const team = await createTeam(db, { name: `Load desk ${run}`, userId: owner.id });
  const editors = [];
  for (let index = 0; index < options.editors; index += 1) {
    const user = await db.user.create({
      data: {
        name: `Editor ${index} ${run}`,
        email: `load-editor-${index}-${run}@load.test`,
        passwordHash,
        ...verified,
        lastTeamId: team.id,
        memberships: { create: { teamId: team.id, role: "editor" } },
      },
      select: { id: true, email: true },
    });
    editors.push(user);
  }
  const sourceIds = [];
  for (const name of ["The Daily Beast", "Insider", "Meduza", "The Duma bill", "Reuters"]) {
    const source = await db.source.create({
      data: { teamId: team.id, name, nameKey: normalizeSourceName(name), kind: "outlet", createdById: owner.id },
      select: { id: true },
    });
    sourceIds.push(source.id);
  }
  const sentences = listSentences(BODY, options.claimsPerArticle);
  const claims: LoadClaim[] = [];
  const actor = { teamId: team.id, userId: owner.id };
  for (let number = 1; number <= options.articles; number += 1) {
    const article = await db.article.create({
      data: {
        teamId: team.id,
        createdById: owner.id,
        title: `Load article ${number} (${run})`,
        outlet: "Business Insider",
        versions: { create: { number: 1, text: BODY, contentHash: randomUUID(), teamId: team.id, createdById: owner.id } },
      },
      select: { id: true },
    });
    for (const range of sentences) {
      const claim = await createClaim(db, actor, { articleId: article.id, ...range });
      const articleUrl = `/t/${team.slug}/articles/${article.id}`;
      claims.push({ id: claim.id, articleId: article.id, articleUrl, pageUrl: `${articleUrl}/claims/${claim.id}` });
    }
  }
  return { teamId: team.id, slug: team.slug, editors, claims, sourceIds };
}

/**
 * NUL bytes, other control characters and bidi overrides sent to the real server actions are
 * dropped by the one action wrapper (lib/auth/action.ts) before any check or write, whatever the
 * field; right-to-left text is kept as it was typed.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/config/prisma-client";

const state = vi.hoisted(() => ({ db: undefined as unknown as Db, user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({
  get db() {
    return state.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { createTestUser, setUpTestDatabase } = await import("@/tests/test-db");
const { saveImport } = await import("@/lib/articles/mutations");
const { saveImportSchema } = await import("@/lib/articles/schema");
const { createClaim } = await import("@/lib/claims/mutations");
const { createTeam } = await import("@/lib/teams/mutations");
state.db = setUpTestDatabase();
const claimActions = await import("@/app/(app)/t/[team]/articles/[articleId]/actions");
const citationActions = await import("@/app/(app)/t/[team]/articles/[articleId]/citation-actions");
const verificationActions = await import("@/app/(app)/t/[team]/articles/[articleId]/verification-actions");
const sourceActions = await import("@/app/(app)/t/[team]/sources/actions");
const importActions = await import("@/app/(app)/t/[team]/articles/new/actions");

const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const HEBREW = "השר אמר שהתקציב גדל \u200F(5%)";
const TEXT = "Officials said the bridge will open in 2026. Critics said the cost rose to 90 million euros.";
let seed: { team: string; teamId: string; claimId: string };

beforeAll(async () => {
  const user = await createTestUser(state.db, { name: "Ana Editor" });
  const team = await createTeam(state.db, { name: "Desk", userId: user.id });
  const actor = { teamId: team.id, userId: user.id };
  const { articleId } = await saveImport(state.db, actor, saveImportSchema.parse({ title: "Bridge", text: TEXT, removedLines: [] }));
  const claim = await createClaim(state.db, actor, { articleId, start: 0, end: 44 });
  state.user = { id: user.id, email: user.email, name: user.name } as SessionUser;
  seed = { team: team.slug, teamId: team.id, claimId: claim.id };
});

describe("the action wrapper", () => {
  it("stores text without NUL, controls or bidi overrides, and keeps Hebrew with its marks", async () => {
    const { claimId, team } = seed;
    expect(await claimActions.updateClaimAction({ team, claimId, revision: 1, statement: `The bridge opens in 2026\u0000 \u202E.esalf si siht\u202C ${HEBREW}` })).toMatchObject({ ok: true });
    expect(await verificationActions.addCommentAction({ team, claimId, body: "Ask\u0007 the \u2066ministry\u2069\r\nagain" })).toMatchObject({ ok: true });
    expect(await citationActions.addCitationAction({ team, claimId, sourceName: "Mini\u202Estry", relation: "states", passage: "Opens\u0000 in 2026", note: "Seen\u001B today" })).toMatchObject({ ok: true });
    expect(await sourceActions.createSourceAction({ team, name: "Bridge \u202Dauthority", kind: "organisation", notes: "Reliable\u0085" })).toMatchObject({ ok: true });

    const claim = await state.db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(claim.statement).toBe(`The bridge opens in 2026 .esalf si siht ${HEBREW}`);
    const comment = await state.db.claimComment.findFirstOrThrow({ where: { claimId } });
    expect(comment.body).toBe("Ask the ministry\nagain");
    const citation = await state.db.citation.findFirstOrThrow({ where: { claimId }, include: { source: true } });
    expect(citation).toMatchObject({ passage: "Opens in 2026", note: "Seen today", source: { name: "Ministry" } });
    const source = await state.db.source.findFirstOrThrow({ where: { teamId: seed.teamId, kind: "organisation" } });
    expect(source).toMatchObject({ name: "Bridge authority", notes: "Reliable" });
    const events = await state.db.claimEvent.findMany({ where: { claimId } });
    for (const event of events) expect(UNSAFE.exec(`${event.fromValue} ${event.toValue} ${event.note}`)).toBeNull();
  });

  it("imports an article's title and text without them (the text as the review step sends it back)", async () => {
    const sent = { team: seed.team, title: "Bridge \u202Ecosts", text: "The cost\u0000 rose.\r\nCritics \u2067objected\u2069.", removedLines: "[]" };
    await expect(importActions.saveImportAction(sent)).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    const article = await state.db.article.findFirstOrThrow({ where: { teamId: seed.teamId, title: { not: "Bridge" } }, include: { versions: true } });
    expect(article.title).toBe("Bridge costs");
    expect(article.versions[0].text).toBe("The cost rose.\nCritics objected.");
  });

  it("sends the typed values back without them when the input is refused", async () => {
    const result = await claimActions.updateClaimAction({ team: seed.team, claimId: seed.claimId, revision: 99, statement: "x\u0000" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(UNSAFE.exec(JSON.stringify(result.values ?? {}).replace(/\\[rnt]/g, ""))).toBeNull();
    if (!result.ok) expect(result.values?.statement).toBe("x");
  });
});

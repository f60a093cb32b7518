import type { Db } from "../lib/config/prisma-client";
import { addCitation } from "../lib/citations/mutations";
import { addCitationSchema } from "../lib/citations/schema";
import { createClaim } from "../lib/claims/mutations";
import { assignClaim } from "../lib/verification/assignment";
import { addComment } from "../lib/verification/comments";
import { giveVerdict, setClaimStatus } from "../lib/verification/mutations";
import type { Verdict } from "../lib/verification/verdicts";

type Actor = { teamId: string; userId: string };
type Cite = { source: string; kind: "outlet" | "person" | "document"; relation?: "states" | "corroborates" | "context"; url?: string; passage?: string; origin?: boolean; via?: Cite; note?: string };
type DemoClaim = { quote: string; cites: Cite[]; verdict?: { verdict: Verdict; rationale: string; done?: boolean }; assignTo?: number; comment?: string };

const accessedAt = "2023-07-21";
const bill: Cite = {
  source: "State Duma bill on the draft age and “special enterprises”",
  kind: "document",
  url: "https://sozd.duma.gov.ru/",
  origin: true,
  note: "Amendments to the bill raising the draft age; they let regions set up “special enterprises”.",
};
const kartapolov: Cite = { source: "Andrey Kartapolov", kind: "person", note: "Chairman of the Duma defence committee; statement quoted by The Daily Beast, not yet found in full." };
const sokov: Cite = { source: "Nikolai Sokov", kind: "person", origin: true, note: "Interviewed by The Daily Beast." };
const beast = (via: Cite, relation: Cite["relation"] = "states"): Cite => ({ source: "The Daily Beast", kind: "outlet", relation, url: "https://www.thedailybeast.com/", via });
const barents = (via: Cite, relation: Cite["relation"] = "corroborates"): Cite => ({ source: "The Barents Observer", kind: "outlet", relation, url: "https://thebarentsobserver.com/", via });

/** The fixture traced the way the desk would: one bill behind three outlets, and a few verdicts. */
const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: "Russian President Vladimir Putin is forming a network of mysterious private military companies across Russia to protect himself from another Wagner uprising.",
    cites: [beast(bill), barents(bill)],
    verdict: {
      verdict: "misleading",
      rationale: "The bill lets regions form “special enterprises”; that they exist to protect Putin from another Wagner uprising is the outlets' reading, not what the bill or Kartapolov says. Two outlets, one origin.",
    },
    comment: "Both outlets go back to the same bill: this is one source, not two.",
  },
  {
    quote: "The plans for the private military companies, or \"special enterprises,\" were noted in a new bill that raises the draft age for the Russian military.",
    cites: [beast(bill)],
    verdict: { verdict: "accurate", rationale: "The amendments on “special enterprises” are part of the bill raising the draft age, as the Duma's own bill record shows.", done: true },
  },
  {
    quote: "The move is aimed at countering sabotage and internal threats, according to a statement by Duma defense committee chairman Andrey Kartapolov.",
    cites: [beast(kartapolov)],
    assignTo: 0,
    comment: "Find Kartapolov's statement itself (Duma committee site or Telegram) before we rate this.",
  },
  {
    quote: "The Barents Observer, a Norwegian outlet, said the units' job is to\" protect the state border, fight illegal armed groups and combat foreign sabotage and intelligence formations,\"",
    cites: [barents(bill, "states")],
    verdict: { verdict: "accurate", rationale: "The Barents Observer quotes these tasks from the bill's text; the wording matches the amendments.", done: true },
  },
  {
    quote: "Nikolai Sokov, a former Kremlin official, told The Daily Beast the law was aimed at shoring up Putin's defenses.",
    cites: [beast(sokov)],
    assignTo: 1,
    comment: "Check Sokov's title: “former Kremlin official” may not be how he describes his career.",
  },
  {
    quote: "former intelligence officials told Insider that further serious setbacks in Ukraine could result in Putin being removed from power.",
    cites: [{ source: "Business Insider", kind: "outlet", relation: "states", url: "https://www.businessinsider.com/", note: "Unnamed former intelligence officials." }],
    verdict: { verdict: "not_checkable", rationale: "A prediction by unnamed former officials about what could happen; not a checkable statement of fact.", done: true },
  },
];

async function cite(db: Db, actor: Actor, claimId: string, spec: Cite): Promise<string> {
  const viaId = spec.via ? await cite(db, actor, claimId, { ...spec.via, relation: spec.relation ?? "states" }) : undefined;
  const input = addCitationSchema.parse({
    claimId, sourceName: spec.source, sourceKind: spec.kind, relation: spec.relation ?? "states",
    url: spec.url, passage: spec.passage, accessedAt, isOrigin: spec.origin ?? false, viaCitationId: viaId, note: spec.note,
  });
  return (await addCitation(db, actor, input)).id;
}

/** The desk's notes on the sources it leaned on most. */
const SOURCE_NOTES: Record<string, { notes?: string; reliability: string }> = {
  "The Daily Beast": {
    reliability: "US news site; here it relays the bill and interviews. Reliable for what it quotes, but it is not the origin: trace to the bill.",
  },
  "The Barents Observer": {
    notes: "Norwegian outlet covering the Russian north.",
    reliability: "Quotes the bill's wording directly; a second outlet, not a second origin.",
  },
  "State Duma bill on the draft age and “special enterprises”": {
    notes: "Primary document: the Duma's legislative database (sozd.duma.gov.ru).",
    reliability: "Primary source for what the bill says; not for why it was written.",
  },
};

/**
 * Adds the worked example to the demo article once (only while it has no claims): claims,
 * registry sources, chains back to the bill, verdicts, an assignment and comments, all written
 * through the same functions the app uses, so the history reads as if editors did it.
 */
export async function traceDemoArticle(db: Db, input: { teamId: string; articleId: string; userIds: string[] }) {
  if ((await db.claim.count({ where: { articleId: input.articleId } })) > 0) return;
  const version = await db.articleVersion.findFirstOrThrow({ where: { articleId: input.articleId }, orderBy: { number: "desc" } });
  const owner: Actor = { teamId: input.teamId, userId: input.userIds[0] };
  for (const demo of DEMO_CLAIMS) {
    const start = version.text.indexOf(demo.quote);
    if (start < 0) throw new Error(`Demo claim not in the fixture: ${demo.quote.slice(0, 60)}`);
    const claim = await createClaim(db, owner, { articleId: input.articleId, start, end: start + demo.quote.length });
    for (const spec of demo.cites) await cite(db, owner, claim.id, spec);
    await setClaimStatus(db, owner, { claimId: claim.id, revision: 1, status: "in_progress" });
    if (demo.verdict) {
      await giveVerdict(db, owner, { claimId: claim.id, revision: 2, verdict: demo.verdict.verdict, rationale: demo.verdict.rationale });
      if (demo.verdict.done) await setClaimStatus(db, owner, { claimId: claim.id, revision: 3, status: "done" });
    }
    if (demo.assignTo !== undefined) await assignClaim(db, owner, { claimId: claim.id, assigneeId: input.userIds[demo.assignTo] });
    if (demo.comment) await addComment(db, owner, { claimId: claim.id, body: demo.comment });
  }
  for (const [name, fields] of Object.entries(SOURCE_NOTES)) {
    await db.source.updateMany({ where: { teamId: input.teamId, name }, data: fields });
  }
}

import { createHash, randomUUID } from "node:crypto";
import { createAnchor } from "../../lib/claims/anchor";
import type { ClaimEventType } from "../../lib/claims/events";
import type { Prisma } from "../../lib/generated/prisma/client";
import { labelVerdict, VERDICTS } from "../../lib/verification/verdicts";
import { pickClaimSpans } from "./article-text";
import type { BenchPeople } from "./seed-team";

/** Every row of a batch of articles, gathered to be written table by table. */
export type ArticleRows = {
  articles: Prisma.ArticleCreateManyInput[];
  versions: Prisma.ArticleVersionCreateManyInput[];
  claims: Prisma.ClaimCreateManyInput[];
  /** By hop, origins first: a citation's `via` must point at a row written before it. */
  citations: Prisma.CitationCreateManyInput[][];
  captures: Prisma.SourceCaptureCreateManyInput[];
  events: Prisma.ClaimEventCreateManyInput[];
  comments: Prisma.ClaimCommentCreateManyInput[];
};

export function createArticleRows(): ArticleRows {
  return { articles: [], versions: [], claims: [], citations: [[], [], []], captures: [], events: [], comments: [] };
}

const STATUS_LABELS = { unchecked: "Unchecked", in_progress: "In progress", needs_review: "Needs review", done: "Done" } as const;
type Status = keyof typeof STATUS_LABELS;

/** A busy desk's spread: 30% unchecked, 20% in progress, 10% awaiting review, 40% done. */
function statusOf(index: number): Status {
  const decile = index % 10;
  return decile < 3 ? "unchecked" : decile < 5 ? "in_progress" : decile === 5 ? "needs_review" : "done";
}

/**
 * Adds one article with its only version and `claimCount` claims on distinct spans of `text`,
 * each with a chain of `hops` citations (outlet ← … ← origin document, the origin captured),
 * its history, a verdict on the reviewed and done ones, and a comment on every fourth.
 * Returns the article's id and its claims' ids in list order.
 */
export function addArticle(
  rows: ArticleRows,
  people: BenchPeople,
  input: { number: number; title: string; text: string; claimCount: number; hops: 2 | 3; createdAt: Date },
) {
  const { teamId, owner, editors, sources } = people;
  const articleId = randomUUID();
  const versionId = randomUUID();
  const at = (minutes: number) => new Date(input.createdAt.getTime() + minutes * 60_000);
  rows.articles.push({
    id: articleId, teamId, title: input.title, outlet: `Outlet ${(input.number % 120) + 1}`, author: `Reporter ${(input.number % 37) + 1}`,
    url: `https://outlet-${(input.number % 120) + 1}.example/story-${input.number}`, publishedAt: at(-600), createdById: owner.id, createdAt: input.createdAt,
  });
  rows.versions.push({
    id: versionId, articleId, teamId, number: 1, text: input.text, createdById: owner.id, createdAt: input.createdAt,
    contentHash: createHash("sha256").update(input.text).digest("hex"),
  });
  const claimIds: string[] = [];
  for (const [index, span] of pickClaimSpans(input.text, input.claimCount).entries()) {
    const claimId = randomUUID();
    const serial = input.number * 1_000 + index;
    const editor = editors[serial % editors.length];
    const status = statusOf(serial);
    const hasVerdict = status === "needs_review" || status === "done";
    const verdict = VERDICTS[serial % VERDICTS.length];
    const { quote, position } = createAnchor(input.text, span.start, span.end);
    claimIds.push(claimId);
    rows.claims.push({
      id: claimId, teamId, articleId, versionId, position: index + 1, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix,
      start: position.start, end: position.end, statement: `According to the article, ${quote.exact.replace(/[.!?]+$/, "")}.`, status,
      verdict: hasVerdict ? verdict : null, verdictById: hasVerdict ? editor.id : null, verdictAt: hasVerdict ? at(90) : null,
      rationale: hasVerdict ? `Checked against document ${(serial % 60) + 1}: the figures and the dates match the published record.` : null,
      assigneeId: status === "unchecked" ? null : editor.id, revision: 1, createdById: owner.id, createdAt: at(index % 60),
    });
    addChain(rows, { teamId, claimId, userId: editor.id, serial, hops: input.hops, sources, at });
    const history: Array<[number, ClaimEventType, string | null, string | null]> = [[0, "created", null, quote.exact.slice(0, 200)]];
    for (let hop = 0; hop < input.hops; hop += 1) history.push([20 + hop, "citation_added", null, `${hop === 0 ? "Document" : "Outlet"} ${(serial + hop) % 60 + 1} (states)`]);
    if (status !== "unchecked") history.push([40, "status_changed", STATUS_LABELS.unchecked, STATUS_LABELS.in_progress]);
    if (hasVerdict) history.push([90, "verdict_given", null, labelVerdict(verdict)]);
    if (status === "needs_review" || status === "done") history.push([91, "status_changed", STATUS_LABELS.in_progress, STATUS_LABELS[status]]);
    for (const [minute, type, fromValue, toValue] of history) {
      rows.events.push({ teamId, claimId, actorId: minute === 0 ? owner.id : editor.id, type, fromValue, toValue, createdAt: at(minute + (index % 60)) });
    }
    if (index % 4 === 0) rows.comments.push({ teamId, claimId, authorId: editor.id, body: `Ask the desk about source ${serial % 60 + 1} before we sign this off.`, createdAt: at(50) });
  }
  return { articleId, claimIds };
}

/** One claim's chain, origin first: document (origin) ← agency outlet ← the article's outlet. */
function addChain(
  rows: ArticleRows,
  input: { teamId: string; claimId: string; userId: string; serial: number; hops: 2 | 3; sources: BenchPeople["sources"]; at: (minutes: number) => Date },
) {
  const { teamId, claimId, userId, serial, sources, at } = input;
  const origin = randomUUID();
  const originUrl = `https://records.example/doc-${serial}`;
  rows.citations[0].push({
    id: origin, teamId, claimId, sourceId: sources.document[serial % sources.document.length], relation: "states", isOrigin: true,
    url: originUrl, passage: `Table ${serial % 90}: the total rose by ${serial % 40} percent.`, captureState: "found", capturedAt: at(30), createdById: userId, createdAt: at(20),
  });
  rows.captures.push({ teamId, citationId: origin, url: originUrl, finalUrl: originUrl, httpStatus: 200, contentType: "text/html", sha256: "a".repeat(64), passageState: "found", passageScore: 1, fetchedById: userId, fetchedAt: at(30) });
  let via = origin;
  const outlets = sources.outlet;
  const relays = input.hops === 3 ? [outlets[(serial * 7) % outlets.length], outlets[serial % outlets.length]] : [outlets[serial % outlets.length]];
  for (const [hop, sourceId] of relays.entries()) {
    const id = randomUUID();
    rows.citations[hop + 1].push({
      id, teamId, claimId, sourceId, relation: "states", viaCitationId: via, url: `https://outlet.example/${serial}/${hop}`,
      accessedAt: at(10), archiveUrl: hop === 0 ? `https://archive.example/${serial}` : null, createdById: userId, createdAt: at(21 + hop),
    });
    via = id;
  }
}

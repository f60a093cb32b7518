import { CLAIM_STATUSES, claimStatusDisplay, isClaimStatus } from "@/lib/claims/status";
import type { ClaimStatus } from "@/lib/claims/status";

const DAY_MS = 86_400_000;

/** The event types that change whether a claim exists or which status it is in. */
export const SERIES_EVENT_TYPES = ["created", "deleted", "restored", "merged", "status_changed"] as const;

export type SeriesClaim = { id: string; createdAt: Date; status: string; deletedAt: Date | null };
export type SeriesEvent = { claimId: string; type: string; fromValue: string | null; toValue: string | null; createdAt: Date };
export type StatusPoint = { date: string; counts: Record<ClaimStatus, number>; total: number };

// History rows carry the label an editor saw ("In progress"); a stored key is accepted too.
const statusByLabel = new Map<string, ClaimStatus>(CLAIM_STATUSES.map((status) => [claimStatusDisplay[status].label, status]));
const readStatus = (value: string | null): ClaimStatus | null =>
  value === null ? null : isClaimStatus(value) ? value : (statusByLabel.get(value) ?? null);

/** A merge deletes the claims merged away; their "merged" row has no `to` (the kept claim's has). */
const isRemoval = (event: SeriesEvent) => event.type === "deleted" || (event.type === "merged" && event.toValue === null);

type Stretch = { status: ClaimStatus; from: number; to: number };

/**
 * One claim's life as stretches of time in one status while it existed. The claim row gives the
 * start (createdAt) and the status now; the history gives every change since. The status before
 * the first recorded change is that change's `from` (a claim split off another starts in the
 * other's status, not "unchecked"). A claim deleted without a history row ends at `deletedAt`.
 */
function listStretches(claim: SeriesClaim, events: readonly SeriesEvent[]): Stretch[] {
  const firstChange = events.find((event) => event.type === "status_changed");
  let status = readStatus(firstChange?.fromValue ?? null) ?? readStatus(claim.status) ?? "unchecked";
  let since: number | null = claim.createdAt.getTime();
  const stretches: Stretch[] = [];
  const close = (at: number) => {
    if (since !== null && at > since) stretches.push({ status, from: since, to: at });
  };
  for (const event of events) {
    const at = Math.max(event.createdAt.getTime(), claim.createdAt.getTime());
    if (event.type === "status_changed") {
      const next = readStatus(event.toValue);
      if (!next || next === status) continue;
      close(at);
      status = next;
      if (since !== null) since = at;
    } else if (isRemoval(event)) {
      close(at);
      since = null;
    } else if (event.type === "restored" && since === null) {
      since = at;
    }
  }
  const hasRemoval = events.some(isRemoval);
  close(claim.deletedAt && !hasRemoval ? claim.deletedAt.getTime() : Number.POSITIVE_INFINITY);
  return stretches;
}

/**
 * Claims by status at the end of each day of `days` (UTC YYYY-MM-DD, consecutive), rebuilt from
 * the append-only history. Each stretch adds one at the day it starts and takes one away at the
 * day it ends, and a running sum turns those into counts: linear in claims, events and days.
 * Stretches that began before the first day count from it; a claim created and deleted on the
 * same day never shows. `events` must be oldest first.
 */
export function buildStatusSeries(claims: readonly SeriesClaim[], events: readonly SeriesEvent[], days: readonly string[]): StatusPoint[] {
  if (days.length === 0) return [];
  const firstDay = new Date(`${days[0]}T00:00:00.000Z`).getTime();
  const deltas = days.map(() => Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>);
  const dayOf = (at: number) => Math.max(0, Math.floor((at - firstDay) / DAY_MS));
  const eventsByClaim = new Map<string, SeriesEvent[]>();
  for (const event of events) {
    const list = eventsByClaim.get(event.claimId);
    if (list) list.push(event);
    else eventsByClaim.set(event.claimId, [event]);
  }
  for (const claim of claims) {
    for (const stretch of listStretches(claim, eventsByClaim.get(claim.id) ?? [])) {
      const start = dayOf(stretch.from);
      if (start >= days.length) continue;
      deltas[start][stretch.status] += 1;
      const end = dayOf(stretch.to);
      if (end < days.length) deltas[end][stretch.status] -= 1;
    }
  }
  const running = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  return days.map((date, index) => {
    for (const status of CLAIM_STATUSES) running[status] += deltas[index][status];
    const counts = { ...running };
    return { date, counts, total: CLAIM_STATUSES.reduce((sum, status) => sum + counts[status], 0) };
  });
}

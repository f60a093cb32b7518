import pg from "pg";
import type { Db } from "@/lib/config/prisma-client";
import { dialectOf } from "@/lib/config/prisma-client";
import { prunePresence, readTeamPresence, type PresenceEntry } from "@/lib/presence/presence";
import { canCatchUp, compareCursors, isChangeFor, LIVE_CHANNEL, pruneLiveChanges, readLiveChanges, type Cursor, type LiveChange } from "./changes";

/** How often a process drops the feed's expired changes (every process does; the work is the same DELETE). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** One open page's stream: where it stands, and how to hand it changes or tell it to reload. */
export type LiveSubscriber = {
  cursor: Cursor;
  /** Who is looking: another person's notifications are not handed to them (isChangeFor). */
  userId: string;
  send: (changes: LiveChange[]) => void;
  /** The page is too far behind for the feed (LIVE_RETENTION_MS): it must reload. */
  reset: () => void;
  /** Given, the page is also handed who of the team is present where (lib/presence), whenever that changes. */
  sendPresence?: (entries: PresenceEntry[]) => void;
};

type Feed = {
  teamId: string;
  cursor: Cursor | null;
  subscribers: Set<LiveSubscriber>;
  queue: Promise<void>;
  isPumpQueued: boolean;
  /** The team's presence as last read, and its text to tell a change (null: not read yet). */
  presence: { key: string; entries: PresenceEntry[] } | null;
};

const PAGE = 500;

/**
 * A server process's live streams, by team. Each team with an open page here has one feed with
 * one cursor: a change is read once per process and handed to every page of the team that has
 * not seen it. What wakes a feed:
 * - a poke: from this process after it answered a change (lib/auth/action.ts), or on PostgreSQL
 *   from any process's change, by LISTEN on LIVE_CHANNEL (the NOTIFY goes out at commit);
 * - a poll every `pollMs`, so a lost notification (a dropped listener connection) only delays.
 * The feed's reads and a new page's catch-up run one after another, so no change is handed out
 * twice or skipped between them.
 */
export class LiveHub {
  private readonly feeds = new Map<string, Feed>();
  private poller: NodeJS.Timeout | null = null;
  private pruner: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private isStopped = false;

  constructor(private readonly options: { db: Db; databaseUrl?: string; pollMs?: number; onError?: (error: unknown) => void }) {}

  /** Starts the poll, the pruning of expired changes and, on PostgreSQL, the listener; all stop with `stop()`. */
  start(): this {
    this.poller = setInterval(() => this.pokeAll(), this.options.pollMs ?? 2_000);
    this.poller.unref();
    const prune = () => void Promise.all([pruneLiveChanges(this.options.db), prunePresence(this.options.db)]).catch((error) => this.options.onError?.(error));
    prune();
    this.pruner = setInterval(prune, PRUNE_EVERY_MS);
    this.pruner.unref();
    if (dialectOf(this.options.db) === "postgresql" && this.options.databaseUrl) void this.listen(this.options.databaseUrl);
    return this;
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    if (this.poller) clearInterval(this.poller);
    if (this.pruner) clearInterval(this.pruner);
    await this.listener?.end().catch(() => undefined);
    await Promise.all([...this.feeds.values()].map((feed) => feed.queue));
  }

  /** Open streams in this process (for limits and figures). */
  get streamCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscribers.size;
    return count;
  }

  /**
   * Hands `subscriber` every change of the team after its cursor, first what it missed (if the
   * feed still holds it; else `reset`), then each new one as it comes. Returns the unsubscribe.
   */
  subscribe(teamId: string, subscriber: LiveSubscriber): () => void {
    let feed = this.feeds.get(teamId);
    if (!feed) {
      feed = { teamId, cursor: null, subscribers: new Set(), queue: Promise.resolve(), isPumpQueued: false, presence: null };
      this.feeds.set(teamId, feed);
    }
    const joined = feed;
    this.enqueue(joined, () => this.attach(joined, subscriber));
    return () => {
      joined.subscribers.delete(subscriber);
      // Dropped once nobody listens and nothing is queued (a later subscriber makes a new one).
      this.enqueue(joined, async () => {
        if (joined.subscribers.size === 0 && this.feeds.get(teamId) === joined) this.feeds.delete(teamId);
      });
    };
  }

  /** Something of the team changed: its feed reads the new changes (at most one read waits). */
  poke(teamId: string): void {
    const feed = this.feeds.get(teamId);
    if (!feed || feed.isPumpQueued) return;
    feed.isPumpQueued = true;
    this.enqueue(feed, async () => {
      feed.isPumpQueued = false;
      await this.pump(feed);
    });
  }

  pokeAll(): void {
    for (const teamId of this.feeds.keys()) this.poke(teamId);
  }

  private enqueue(feed: Feed, task: () => Promise<void>) {
    feed.queue = feed.queue.then(task).catch((error) => this.options.onError?.(error));
  }

  private async attach(feed: Feed, subscriber: LiveSubscriber) {
    const { db } = this.options;
    if (!(await canCatchUp(db, feed.teamId, subscriber.cursor))) return subscriber.reset();
    if (feed.cursor === null) {
      // The feed starts where its first page stands; the pump below brings that page up to date.
      feed.cursor = subscriber.cursor;
    } else if (compareCursors(subscriber.cursor, feed.cursor) < 0) {
      // Behind the feed: what it missed up to the feed's cursor, then the feed's own changes.
      for (let after = subscriber.cursor; ; ) {
        const changes = (await readLiveChanges(db, feed.teamId, after, PAGE)).filter((change) => compareCursors(change.cursor, feed.cursor!) <= 0);
        if (changes.length === 0) break;
        after = changes.at(-1)!.cursor;
        deliver(subscriber, changes);
        if (changes.length < PAGE) break;
      }
      subscriber.cursor = feed.cursor;
    }
    feed.subscribers.add(subscriber);
    if (feed.presence) subscriber.sendPresence?.(feed.presence.entries);
    await this.pump(feed);
  }

  private async pump(feed: Feed) {
    await this.pumpChanges(feed);
    await this.pumpPresence(feed);
  }

  private async pumpChanges(feed: Feed) {
    if (feed.cursor === null || feed.subscribers.size === 0) return;
    for (;;) {
      const changes = await readLiveChanges(this.options.db, feed.teamId, feed.cursor, PAGE);
      if (changes.length === 0) return;
      feed.cursor = changes.at(-1)!.cursor;
      for (const subscriber of feed.subscribers) deliver(subscriber, changes);
      if (changes.length < PAGE) return;
    }
  }

  /**
   * Reads the team's presence (one query, on every poke and poll while a page of the team wants
   * it) and hands it to those pages when it differs from the last read: an arrival, a departure,
   * a new activity, or a page whose heartbeat stopped (its row expired).
   */
  private async pumpPresence(feed: Feed) {
    const watchers = [...feed.subscribers].filter((subscriber) => subscriber.sendPresence);
    if (watchers.length === 0) {
      feed.presence = null;
      return;
    }
    const entries = await readTeamPresence(this.options.db, feed.teamId);
    const key = JSON.stringify(entries);
    if (key === feed.presence?.key) return;
    feed.presence = { key, entries };
    for (const subscriber of watchers) subscriber.sendPresence!(entries);
  }

  /** LISTEN on PostgreSQL, reconnecting after a second when the connection drops (then every feed reads, in case it missed a notification). */
  private async listen(databaseUrl: string): Promise<void> {
    while (!this.isStopped) {
      const client = new pg.Client({ connectionString: databaseUrl });
      const ended = new Promise<void>((resolve) => {
        client.once("end", resolve);
        client.once("error", (error) => {
          this.options.onError?.(error);
          resolve();
        });
      });
      try {
        await client.connect();
        client.on("notification", (message) => {
          if (message.channel === LIVE_CHANNEL && message.payload) this.poke(message.payload);
        });
        await client.query(`LISTEN ${LIVE_CHANNEL}`);
        this.listener = client;
        this.pokeAll();
        await ended;
      } catch (error) {
        this.options.onError?.(error);
      } finally {
        this.listener = null;
        await client.end().catch(() => undefined);
      }
      if (!this.isStopped) await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
    }
  }
}

/** Hands a page the changes after its cursor that are for its person, and moves its cursor. */
function deliver(subscriber: LiveSubscriber, changes: Array<LiveChange & { cursor: Cursor }>) {
  const fresh = changes.filter((change) => compareCursors(change.cursor, subscriber.cursor) > 0);
  if (fresh.length === 0) return;
  subscriber.cursor = fresh.at(-1)!.cursor;
  const theirs = fresh.filter((change) => isChangeFor(change, subscriber.userId));
  if (theirs.length > 0) subscriber.send(theirs.map(({ cursor: _cursor, ...change }) => change));
}

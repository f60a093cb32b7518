"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { PresentPeople } from "@/components/live/present-people";
import { describeArticlePlace, listPresentPeople } from "@/lib/presence/group";
import type { PresenceEntry } from "@/lib/presence/presence";

type TeamPresence = { entries: readonly PresenceEntry[]; setEntries: (entries: PresenceEntry[]) => void };

const TeamPresenceContext = createContext<TeamPresence | null>(null);

/**
 * Who of the team is on which article, for a page that lists articles (lib/presence): the page's
 * live stream (LiveRefresh, inside this provider) asks for presence and keeps it here; each
 * listed article shows its own colleagues with ArticlePresence. Empty until the stream's first
 * presence event, which it sends as soon as it opens.
 */
export function TeamPresenceProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<PresenceEntry[]>([]);
  const value = useMemo(() => ({ entries, setEntries }), [entries]);
  return <TeamPresenceContext.Provider value={value}>{children}</TeamPresenceContext.Provider>;
}

/** The provider's setter, for the page's stream; undefined outside a provider (no presence asked). */
export function useTeamPresenceSetter(): ((entries: PresenceEntry[]) => void) | undefined {
  return useContext(TeamPresenceContext)?.setEntries;
}

/** The colleagues on one listed article ("Sam Kowalski · on a claim"), nothing while nobody is. */
export function ArticlePresence({ articleId, title, selfId }: { articleId: string; title: string; selfId: string }) {
  const entries = useContext(TeamPresenceContext)?.entries;
  const people = useMemo(() => listPresentPeople(entries ?? [], { selfId, articleId }), [entries, selfId, articleId]);
  return <PresentPeople people={people} label={`Colleagues on “${title}”`} place={`on “${title}”`} describe={(person) => describeArticlePlace(person, undefined)} />;
}

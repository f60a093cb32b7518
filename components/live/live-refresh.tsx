"use client";

import { useRouter } from "next/navigation";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useTeamPresenceSetter } from "@/components/live/team-presence";
import { useDebouncedRefresh, useLiveChanges } from "@/components/live/use-live-changes";
import { isChangeShown, type LiveScope } from "@/lib/live/relevance";

/**
 * Keeps a lighter page (the article list, My claims, a source map) current: a colleague's change
 * to what it shows (`scope`, lib/live/relevance.ts) brings the page's data again, once per burst.
 * A refresh renders the server page anew in place: the scroll position, the focus and what is
 * being typed stay. Shows the live status where it is placed. Inside a TeamPresenceProvider, the
 * stream also brings who is on which article, for the page's ArticlePresence.
 */
export function LiveRefresh({ team, cursor, userId, scope }: { team: string; cursor: string; userId: string; scope: LiveScope }) {
  const router = useRouter();
  const refreshSoon = useDebouncedRefresh(router);
  const onPresence = useTeamPresenceSetter();
  const status = useLiveChanges({
    team,
    cursor,
    userId,
    onPresence,
    onChanges: (changes) => {
      if (changes.some((change) => isChangeShown(scope, change))) refreshSoon();
    },
  });
  return <LiveIndicator status={status} />;
}

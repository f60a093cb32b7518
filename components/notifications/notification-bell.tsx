"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { NOTIFIED } from "@/lib/live/relevance";
import type { ActionResult } from "@/lib/auth/action";
import { pluralize } from "@/lib/text/plural";

type ReadCount = (input: { team: string }) => Promise<ActionResult<{ unread: number }>>;

/**
 * The header's link to the inbox with the unread count, kept current without a reload: a new
 * notification reaches this person's pages through the team's live feed (a change handed to its
 * recipient alone, lib/live), and the count is then read again. A page refresh (after marking
 * read) brings the count from the server.
 */
export function NotificationBell({ team, userId, unread, cursor, readCount }: { team: string; userId: string; unread: number; cursor: string; readCount: ReadCount }) {
  const pathname = usePathname();
  const [shown, setShown] = useState({ fromServer: unread, count: unread, arrived: 0 });
  // The server's count wins whenever the layout brings a new one (a refresh, a navigation).
  if (shown.fromServer !== unread) setShown({ fromServer: unread, count: unread, arrived: 0 });

  useLiveChanges({
    team,
    cursor,
    userId,
    onChanges: (changes) => {
      const arrived = changes.filter((change) => change.kind === NOTIFIED && change.recipientId === userId).length;
      if (arrived === 0) return;
      void readCount({ team }).then((answer) => {
        if (answer.ok) setShown((current) => ({ ...current, count: answer.data.unread, arrived: current.arrived + arrived }));
      }, () => undefined);
    },
  });

  const href = `/t/${team}/notifications`;
  const { count } = shown;
  return (
    <>
      <Link
        href={href}
        aria-label={count > 0 ? `Inbox, ${count} unread` : "Inbox, nothing unread"}
        aria-current={pathname === href ? "page" : undefined}
        className="relative flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M10 2a5 5 0 0 0-5 5v3.6l-1.7 2.6A.75.75 0 0 0 3.9 14.4h12.2a.75.75 0 0 0 .6-1.2L15 10.6V7a5 5 0 0 0-5-5Zm-2 13.5a2 2 0 0 0 4 0H8Z" />
        </svg>
        <span>Inbox</span>
        {count > 0 ? (
          <span aria-hidden="true" className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold text-white">
            {count > 99 ? "99+" : count}
          </span>
        ) : null}
      </Link>
      <p role="status" className="sr-only">
        {shown.arrived > 0 ? `${shown.arrived} new ${pluralize(shown.arrived, "notification")}: ${count} unread in your inbox.` : ""}
      </p>
    </>
  );
}

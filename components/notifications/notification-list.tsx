"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { notificationPhrases, type NotificationKind } from "@/lib/notifications/kinds";
import { formatMoment } from "@/lib/text/dates";
import { formatCount } from "@/lib/text/plural";
import { truncate } from "@/lib/text/truncate";

export type InboxItem = {
  id: string;
  kind: NotificationKind;
  note: string | null;
  createdAt: string;
  isRead: boolean;
  actor: string;
  claim: { id: string; statement: string; isDeleted: boolean };
  article: { id: string; title: string };
  commentId: string | null;
};

type MarkRead = (input: { team: string; ids?: string[] }) => Promise<ActionResult<{ marked: number; unread: number }>>;

/** Where on the claim page a notification leads: the comment that mentioned you, the verdict, or the history. */
function anchorOf(item: InboxItem): string {
  if (item.kind === "mentioned" && item.commentId) return `#comment-${item.commentId}`;
  if (item.kind === "claim_changed") return "#history-heading";
  if (item.kind === "assigned") return "";
  return "#verdict-heading";
}

/**
 * The inbox: each entry says who did what, on which claim of which article, and leads there
 * (opening one marks it read); unread ones are marked by a word as well as a dot. "Mark all read"
 * clears the lot; the header's count follows (the page is refreshed after each change).
 */
export function NotificationList({ team, entries, markRead }: { team: string; entries: InboxItem[]; markRead: MarkRead }) {
  const router = useRouter();
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isRead = (item: InboxItem) => item.isRead || readIds.has(item.id);
  const unread = entries.filter((item) => !isRead(item));

  function mark(ids?: string[]) {
    setProblem(null);
    setReadIds((current) => new Set([...current, ...(ids ?? entries.map((item) => item.id))]));
    startTransition(async () => {
      const result = await markRead({ team, ids }).catch(() => null);
      if (!result?.ok) setProblem(result?.message ?? "Could not reach the server: the notifications are not marked read. Try again.");
      router.refresh();
    });
  }

  if (entries.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">Nothing yet. When a colleague assigns you a claim, mentions you or changes a claim you judged, it shows here.</p>;
  }
  return (
    <section aria-labelledby="inbox-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="inbox-heading" className="text-lg font-semibold text-slate-900">
          Inbox <span className="text-sm font-normal text-slate-600">({unread.length === 0 ? "all read" : `${formatCount(unread.length)} unread`})</span>
        </h2>
        <Button size="sm" variant="secondary" disabled={unread.length === 0 || isPending} onClick={() => mark()}>
          Mark all read
        </Button>
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      ) : null}
      <ul aria-labelledby="inbox-heading" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {entries.map((item) => {
          const read = isRead(item);
          const href = `/t/${team}/articles/${item.article.id}/claims/${item.claim.id}${anchorOf(item)}`;
          return (
            <li key={item.id} className={`grid gap-2 p-4 sm:grid-cols-[auto_1fr_auto] sm:items-start ${read ? "" : "bg-brand-50"}`}>
              <span aria-hidden="true" className={`mt-1.5 inline-block size-2.5 rounded-full ${read ? "border border-slate-300" : "bg-brand-600"}`} />
              <div className="min-w-0">
                <p className="text-sm text-slate-800">
                  {read ? null : (
                    <>
                      <span className="rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">Unread</span>{" "}
                    </>
                  )}
                  <span className="font-semibold">{item.actor}</span> {notificationPhrases[item.kind]} ·{" "}
                  <time dateTime={item.createdAt} className="text-slate-600">
                    {formatMoment(item.createdAt)}
                  </time>
                </p>
                <Link href={href} className="mt-1 block font-medium text-slate-900 hover:text-brand-700 hover:underline" onClick={() => (read ? undefined : mark([item.id]))}>
                  {truncate(item.claim.statement, 200)}
                  {item.claim.isDeleted ? " (deleted)" : ""}
                </Link>
                <p className="text-sm text-slate-600">{item.article.title}</p>
                {item.note ? <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{item.note}</p> : null}
              </div>
              {read ? null : (
                <Button size="sm" variant="ghost" onClick={() => mark([item.id])} disabled={isPending}>
                  Mark read<span className="sr-only">: {notificationPhrases[item.kind]}, {truncate(item.claim.statement, 60)}</span>
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

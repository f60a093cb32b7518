import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { isMailEnabled } from "@/lib/env";
import { listNotifications, readEmailPreferences } from "@/lib/notifications/queries";
import { markNotificationsReadAction, setEmailPreferencesAction } from "./actions";

export const metadata = { title: "Notifications" };

/** The person's inbox in this team, newest first, and which kinds they want mailed (for all their teams). */
export default async function NotificationsPage({ params }: PageProps<"/t/[team]/notifications">) {
  const { team: slug } = await params;
  const { team, user } = await requirePageTeam(slug);
  const [entries, mailed] = await Promise.all([listNotifications(db, { teamId: team.id, userId: user.id }), readEmailPreferences(db, user.id)]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Notifications</h1>
        <p className="mt-1 text-sm text-slate-600">What colleagues in {team.name} did that concerns you: the newest 50.</p>
      </div>
      <NotificationList
        team={team.slug}
        markRead={markNotificationsReadAction}
        entries={entries.map((entry) => ({
          id: entry.id,
          kind: entry.kind,
          note: entry.note,
          createdAt: entry.createdAt.toISOString(),
          isRead: entry.readAt !== null,
          actor: entry.actor.name,
          claim: { id: entry.claim.id, statement: entry.claim.statement, isDeleted: entry.claim.deletedAt !== null },
          article: entry.claim.article,
          commentId: entry.commentId,
        }))}
      />
      <EmailPreferencesForm team={team.slug} chosen={mailed} isMailEnabled={isMailEnabled()} save={setEmailPreferencesAction} />
    </div>
  );
}

import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { RefreshOnReturn } from "@/components/team/refresh-on-return";
import { RoleBadge } from "@/components/team/role-badge";
import { TeamNav } from "@/components/team/team-nav";
import { TeamSwitcher } from "@/components/team/team-switcher";
import { UserMenu } from "@/components/team/user-menu";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { countUnread } from "@/lib/notifications/queries";
import { listTeamsForUser } from "@/lib/teams/queries";
import { rememberTeam } from "@/lib/teams/remember";
import { readUnreadCountAction } from "./notifications/actions";

export default async function TeamLayout({ children, params }: LayoutProps<"/t/[team]">) {
  const { team: slug } = await params;
  const { user, team, role } = await requirePageTeam(slug);
  const teams = await listTeamsForUser(db, user.id);
  await rememberTeam(db, user.id, team.id);
  // The feed's head before the count: a notification between the two shows, counted once more at worst.
  const cursor = await readPageLiveCursor(team.id);
  const unread = await countUnread(db, { teamId: team.id, userId: user.id });
  const links = [
    { href: "", label: "Articles" },
    { href: "/my-claims", label: "My claims" },
    { href: "/sources", label: "Sources" },
    { href: "/reports", label: "Reports" },
    { href: "/settings/members", label: can(role, "member:manage") ? "Members" : "Team" },
    ...(can(role, "member:manage") ? [{ href: "/settings/verification", label: "Verdicts" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href={`/t/${team.slug}`} className="text-lg font-semibold tracking-tight">
            Fact<span className="text-brand-600">Desk</span>
          </Link>
          <TeamSwitcher current={team} teams={teams} />
          <span data-testid="current-role">
            <RoleBadge role={role} />
          </span>
          <div className="flex-1" />
          {/* On narrow screens the navigation takes its own row, its links wrapping (none hidden). */}
          <div className="order-last w-full lg:order-none lg:w-auto">
            <TeamNav teamSlug={team.slug} links={links} />
          </div>
          <NotificationBell team={team.slug} userId={user.id} unread={unread} cursor={cursor} readCount={readUnreadCountAction} />
          <UserMenu user={user} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
      <RefreshOnReturn />
    </div>
  );
}

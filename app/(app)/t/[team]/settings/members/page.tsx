import { InviteForm } from "@/components/team/invite-form";
import { MemberRowActions } from "@/components/team/member-row-actions";
import { RoleBadge } from "@/components/team/role-badge";
import { Card } from "@/components/ui/card";
import { ActionButton } from "@/components/ui/action-button";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listMembers, listOpenInvitations } from "@/lib/teams/queries";
import {
  changeRoleAction,
  confirmMemberEmailAction,
  createInvitationAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";
import { formatDay } from "@/lib/text/dates";

export const metadata = { title: "Members" };

export default async function MembersPage({ params }: PageProps<"/t/[team]/settings/members">) {
  const { team: slug } = await params;
  const { team, role, user } = await requirePageTeam(slug);
  const canManage = can(role, "member:manage");
  const [members, invitations] = await Promise.all([
    listMembers(db, team.id),
    canManage ? listOpenInvitations(db, team.id) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{team.name}: members</h1>
        <p className="text-sm text-slate-600">
          You are {role === "owner" ? "an owner" : `${role === "editor" ? "an editor" : "a viewer"}`} of this team.
        </p>
      </div>
      {canManage ? (
        <Card>
          <h2 className="mb-1 text-lg font-semibold">Invite a colleague</h2>
          <p className="mb-4 text-sm text-slate-600">
            The link works once, expires, and only the person with this address can use it. It is mailed to them when the
            server has mail settings; you can also copy it and send it however you like.
          </p>
          <InviteForm action={createInvitationAction} teamSlug={team.slug} />
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Members ({members.length})</h2>
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-2 font-medium">Name</th>
              <th className="py-2 font-medium">Email</th>
              <th className="py-2 font-medium">Role</th>
              <th className="py-2 text-right font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {members.map((member) => (
              <tr key={member.id} data-testid={`member-${member.user.email}`}>
                <td className="py-3 font-medium">
                  {member.user.name}
                  {member.user.id === user.id ? <span className="ml-1 text-slate-500">(you)</span> : null}
                </td>
                <td className="py-3 text-slate-600">
                  {member.user.email}
                  <EmailState
                    verifiedAt={member.user.emailVerifiedAt}
                    via={member.user.emailVerifiedVia}
                    confirm={
                      canManage && member.user.id !== user.id ? { team: team.slug, membershipId: member.id, name: member.user.name } : null
                    }
                  />
                </td>
                <td className="py-3">
                  <RoleBadge role={member.role} />
                </td>
                <td className="py-3">
                  {canManage && member.user.id !== user.id ? (
                    <MemberRowActions
                      teamSlug={team.slug}
                      membershipId={member.id}
                      memberName={member.user.name}
                      role={member.role}
                      changeRole={changeRoleAction}
                      remove={removeMemberAction}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {canManage && invitations.length > 0 ? (
        <Card>
          <h2 className="mb-4 text-lg font-semibold">Open invitations</h2>
          <ul className="divide-y divide-slate-200 text-sm">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex items-center justify-between gap-4 py-2">
                <span>
                  <RoleBadge role={invitation.role} /> {invitation.email ?? "Link without email (no longer usable)"} · by {invitation.createdBy.name} ·
                  expires {formatDay(invitation.expiresAt)}
                </span>
                <ActionButton
                  action={revokeInvitationAction}
                  fields={{ team: team.slug, invitationId: invitation.id }}
                  variant="danger"
                  pendingLabel="Withdrawing…"
                  confirmText="Withdraw this invitation? The link will stop working."
                >
                  Withdraw
                </ActionButton>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Leave this team</h2>
        <p className="mb-4 text-sm text-slate-600">You lose access to its articles. A team&apos;s last owner cannot leave.</p>
        <ActionButton
          action={leaveTeamAction}
          fields={{ team: team.slug }}
          variant="danger"
          confirmText={`Leave ${team.name}? You will need a new invitation to come back.`}
        >
          Leave {team.name}
        </ActionButton>
      </Card>
    </div>
  );
}

/**
 * Whether a member's address is confirmed, and for an owner the way to vouch for an unconfirmed
 * one (a mailed link that never came). An owner's word lets them sign in, never SSO take over.
 */
function EmailState({
  verifiedAt,
  via,
  confirm,
}: {
  verifiedAt: Date | null;
  via: string | null;
  confirm: { team: string; membershipId: string; name: string } | null;
}) {
  if (verifiedAt) {
    return via === "owner" ? <span className="block text-xs text-slate-500">Address confirmed by an owner</span> : null;
  }
  return (
    <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-amber-800">
      <span>Address not confirmed</span>
      {confirm ? (
        <ActionButton
          action={confirmMemberEmailAction}
          fields={{ team: confirm.team, membershipId: confirm.membershipId }}
          pendingLabel="Confirming…"
          confirmText={`Confirm that this address is ${confirm.name}'s? Only do so if you know it is theirs.`}
        >
          Confirm address<span className="sr-only"> of {confirm.name}</span>
        </ActionButton>
      ) : null}
    </span>
  );
}

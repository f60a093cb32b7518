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
  createInvitationAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

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
            Create a link and send it however you like. It works once and expires; the email, if given, is used to mail it when
            the server has mail settings.
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
                <td className="py-3 text-slate-600">{member.user.email}</td>
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
                  <RoleBadge role={invitation.role} /> {invitation.email ?? "Link without email"} · by {invitation.createdBy.name} ·
                  expires {invitation.expiresAt.toISOString().slice(0, 10)}
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

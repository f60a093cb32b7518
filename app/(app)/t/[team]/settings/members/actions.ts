"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { buildAppUrl, getAuthSecret, isMailEnabled } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { confirmMemberEmail } from "@/lib/teams/confirm-member-email";
import { changeMemberRole, leaveTeam, removeMember } from "@/lib/teams/mutations";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { signMailedInvitation } from "@/lib/teams/invitation-proof";
import { changeRoleSchema, createInvitationSchema, invitationIdSchema, membershipIdSchema } from "@/lib/teams/schema";

export const createInvitationAction = teamAction(
  { schema: createInvitationSchema, permission: "member:manage" },
  async (input, { team, user }) => {
    const invitation = await createInvitation(db, { ...input, teamId: team.id, actorId: user.id });
    const path = `/invite/${invitation.token}`;
    let isMailed = false;
    if (isMailEnabled()) {
      // The mailed link carries a mark the owner's copy does not: using it proves the mailbox.
      const mailedLink = buildAppUrl(`${path}?m=${signMailedInvitation(invitation.token, getAuthSecret())}`);
      isMailed = await sendMail({
        to: input.email,
        subject: `${user.name} invited you to ${team.name} on FactDesk`,
        text: `${user.name} invited you to join ${team.name} as ${input.role}.\n\nOpen this link to join (it works once and expires on ${invitation.expiresAt.toUTCString()}):\n${mailedLink}\n`,
      }).catch((error) => {
        console.error("Invitation mail failed", error);
        return false;
      });
    }
    revalidatePath(`/t/${team.slug}/settings/members`);
    return { path, role: invitation.role, email: input.email, expiresAt: invitation.expiresAt.toISOString(), isMailed };
  },
);

export const revokeInvitationAction = teamAction(
  { schema: invitationIdSchema, permission: "member:manage" },
  async ({ invitationId }, { team, user }) => {
    await revokeInvitation(db, { teamId: team.id, invitationId, actorId: user.id });
    revalidatePath(`/t/${team.slug}/settings/members`);
    return null;
  },
);

/** An owner vouches for a member's address (their mailed link never came): with mail set up, they can then sign in. */
export const confirmMemberEmailAction = teamAction(
  { schema: membershipIdSchema, permission: "member:manage" },
  async ({ membershipId }, { team, user }) => {
    const member = await confirmMemberEmail(db, { teamId: team.id, membershipId, actorId: user.id });
    revalidatePath(`/t/${team.slug}/settings/members`);
    const message = member.isChanged ? `You confirmed that ${member.email} is ${member.name}'s address.` : `${member.email} was already confirmed.`;
    return { ok: true as const, data: null, message };
  },
);

export const changeRoleAction = teamAction(
  { schema: changeRoleSchema, permission: "member:manage" },
  async ({ membershipId, role }, { team, user }) => {
    const member = await changeMemberRole(db, { teamId: team.id, membershipId, role, actorId: user.id });
    revalidatePath(`/t/${team.slug}`, "layout");
    return { ok: true as const, data: null, message: `${member.user.name} is now ${role}.` };
  },
);

export const removeMemberAction = teamAction(
  { schema: membershipIdSchema, permission: "member:manage" },
  async ({ membershipId }, { team, user }) => {
    const member = await removeMember(db, { teamId: team.id, membershipId, actorId: user.id });
    revalidatePath(`/t/${team.slug}/settings/members`);
    return { ok: true as const, data: null, message: `${member.user.name} was removed from ${team.name}.` };
  },
);

/** Any member may leave a team, except its last owner. */
export const leaveTeamAction = teamAction({ schema: z.object({}), permission: "team:read" }, async (_input, { team, user }) => {
  await leaveTeam(db, { teamId: team.id, userId: user.id });
  redirect("/");
});

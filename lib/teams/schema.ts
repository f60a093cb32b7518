import { z } from "zod";
import { roleSchema, teamNameSchema } from "@/lib/auth/schema";
import { INVITATION_DAYS } from "./invitations";

const INVITEE_EMAIL_MISSING = "Enter the email address of the person you invite";
const idSchema = z.string().min(1).max(64);

export const createInvitationSchema = z.object({
  role: roleSchema,
  // The one address that may use the link (and whose owner it verifies): always named.
  email: z
    .string({ error: INVITEE_EMAIL_MISSING })
    .trim()
    .toLowerCase()
    .min(1, INVITEE_EMAIL_MISSING)
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@newsroom.org")),
  days: z.coerce.number().int().min(1, "At least 1 day").max(INVITATION_DAYS.max, `At most ${INVITATION_DAYS.max} days`).default(INVITATION_DAYS.default),
});

export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export const membershipIdSchema = z.object({ membershipId: idSchema });
export const invitationIdSchema = z.object({ invitationId: idSchema });
export const createTeamSchema = z.object({ name: teamNameSchema });

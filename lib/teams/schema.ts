import { z } from "zod";
import { roleSchema, teamNameSchema } from "@/lib/auth/schema";
import { INVITATION_DAYS } from "./invitations";

const idSchema = z.string().min(1).max(64);

export const createInvitationSchema = z.object({
  role: roleSchema,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .transform((value) => value || undefined)
    .pipe(z.email("Enter a valid email address, or leave it empty").optional()),
  days: z.coerce.number().int().min(1, "At least 1 day").max(INVITATION_DAYS.max, `At most ${INVITATION_DAYS.max} days`).default(INVITATION_DAYS.default),
});

export const changeRoleSchema = z.object({ membershipId: idSchema, role: roleSchema });
export const membershipIdSchema = z.object({ membershipId: idSchema });
export const invitationIdSchema = z.object({ invitationId: idSchema });
export const createTeamSchema = z.object({ name: teamNameSchema });

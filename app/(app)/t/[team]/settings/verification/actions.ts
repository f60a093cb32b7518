"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { verificationSettingsSchema } from "@/lib/verification/schema";
import { updateVerificationSettings } from "@/lib/verification/settings-mutations";

/** Owners set the team's verdict wording and evidence rules. */
export const updateVerificationSettingsAction = teamAction(
  { schema: verificationSettingsSchema, permission: "member:manage" },
  async (input, context) => {
    await updateVerificationSettings(db, { teamId: context.team.id, userId: context.user.id }, input);
    revalidatePath(`/t/${context.team.slug}`, "layout");
    return { ok: true as const, data: null, message: "Verification settings saved." };
  },
);

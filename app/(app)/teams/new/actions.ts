"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { createTeam } from "@/lib/teams/mutations";
import { createTeamSchema } from "@/lib/teams/schema";

export const createTeamAction = userAction({ schema: createTeamSchema }, async ({ name }, user) => {
  const team = await createTeam(db, { name, userId: user.id });
  redirect(`/t/${team.slug}?notice=created`);
});

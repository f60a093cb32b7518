import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { findHomeTeamSlug } from "@/lib/teams/queries";

/** The front door: the team used last, or sign-in, or the team-creation page for a new SSO user. */
export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const slug = await findHomeTeamSlug(db, user.id);
  redirect(slug ? `/t/${slug}` : "/teams/new");
}

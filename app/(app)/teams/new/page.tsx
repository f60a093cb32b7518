import Link from "next/link";
import { CreateTeamForm } from "@/components/team/create-team-form";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { listTeamsForUser } from "@/lib/teams/queries";
import { createTeamAction } from "./actions";

export const metadata = { title: "Create a team" };

export default async function NewTeamPage() {
  const user = await requirePageUser("/teams/new");
  const teams = await listTeamsForUser(db, user.id);
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <h1 className="mb-1 text-xl font-semibold">Create a team</h1>
        <p className="mb-6 text-sm text-slate-600">
          {teams.length === 0
            ? `Welcome, ${user.name}. You are not in a team yet: create one, or open an invitation link a colleague sent you.`
            : "A separate desk with its own articles and members. You will be its owner."}
        </p>
        <CreateTeamForm action={createTeamAction} />
        {teams.length > 0 ? (
          <p className="mt-6 text-sm">
            <Link href={`/t/${teams[0].team.slug}`} className="text-brand-700 underline">
              Back to {teams[0].team.name}
            </Link>
          </p>
        ) : null}
      </Card>
    </main>
  );
}

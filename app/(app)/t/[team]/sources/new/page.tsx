import Link from "next/link";
import { SourceForm } from "@/components/sources/source-form";
import { Card } from "@/components/ui/card";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { createSourceAction } from "../actions";

export const metadata = { title: "New source" };

export default async function NewSourcePage({ params }: PageProps<"/t/[team]/sources/new">) {
  const { team: slug } = await params;
  const { team } = await requirePageTeam(slug, "content:write");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/t/${team.slug}/sources`} className="text-sm text-brand-700 underline">
          ← All sources
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New source</h1>
        <p className="text-sm text-slate-600">FactDesk warns you if the team already has this source under another spelling or domain.</p>
      </div>
      <Card>
        <SourceForm mode="create" action={createSourceAction} team={team.slug} />
      </Card>
    </div>
  );
}

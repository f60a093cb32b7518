import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportWizard } from "@/components/articles/import-wizard";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { db } from "@/lib/db";
import { getArticleSummary } from "@/lib/articles/queries";
import { findRefetchAddress } from "@/lib/articles/page-captures";
import { previewImportAction, saveImportAction } from "../../new/actions";

export const metadata = { title: "Import a new version" };

/** `?refetch=1` opens it on "fetch from a web address", at the address the article was fetched from. */
export default async function NewVersionPage({ params, searchParams }: PageProps<"/t/[team]/articles/[articleId]/new-version">) {
  const { team: slug, articleId } = await params;
  const isRefetch = (await searchParams).refetch === "1";
  const { team } = await requirePageTeam(slug, "content:write");
  const article = await getArticleSummary(db, team.id, articleId);
  if (!article) notFound();
  const address = isRefetch ? await findRefetchAddress(db, team.id, article.id) : article.url;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/t/${team.slug}/articles/${article.id}`} className="text-brand-700 underline">
            ← {article.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">{isRefetch ? "Re-fetch the article" : "Import a new version"}</h1>
        <p className="text-sm text-slate-600">
          The article is at version {article.latestVersion}. Bring in the updated text; every claim is re-anchored, and claims whose
          passage changed or vanished are flagged for you.
        </p>
      </div>
      <ImportWizard
        teamSlug={team.slug}
        previewAction={previewImportAction}
        saveAction={saveImportAction}
        target={{ id: article.id, title: article.title, nextVersion: article.latestVersion + 1, url: address }}
        initialMode={isRefetch ? "address" : "paste"}
      />
    </div>
  );
}

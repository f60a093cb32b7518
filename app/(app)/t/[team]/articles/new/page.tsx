import { ImportWizard } from "@/components/articles/import-wizard";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { previewImportAction, saveImportAction } from "./actions";

export const metadata = { title: "Import an article" };

export default async function ImportArticlePage({ params }: PageProps<"/t/[team]/articles/new">) {
  const { team: slug } = await params;
  const { team } = await requirePageTeam(slug, "content:write");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import an article</h1>
        <p className="text-sm text-slate-600">Paste the text, upload a saved page or give its web address. You review what was read before anything is saved.</p>
      </div>
      <ImportWizard teamSlug={team.slug} previewAction={previewImportAction} saveAction={saveImportAction} />
    </div>
  );
}

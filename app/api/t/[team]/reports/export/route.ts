// GET /api/t/[team]/reports/export?from=&to=&format=csv|json - every article of the team
// imported or worked on in a date range, one row per claim (CSV) or as one document (JSON).
import { teamRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";
import { renderTeamCsv } from "@/lib/reports/team-csv";
import { buildTeamExport } from "@/lib/reports/team-export";
import { nameTeamExportFile, readTeamExportQuery } from "@/lib/reports/team-export-query";
import { loadTeamExport } from "@/lib/reports/team-export-queries";

const contentTypes = { csv: "text/csv; charset=utf-8; header=present", json: "application/json; charset=utf-8" } as const;

export const GET = teamRoute<{ team: string }>("report:export", async (request, { user, team }) => {
  const { range, format } = readTeamExportQuery(request.nextUrl.searchParams);
  const data = buildTeamExport(await loadTeamExport(db, team.id, range), {
    range,
    generatedAt: new Date(),
    generatedBy: { name: user.name, email: user.email },
  });
  const body = format === "csv" ? renderTeamCsv(data) : `${JSON.stringify(data, null, 2)}\n`;
  return new Response(body, {
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": `attachment; filename="${nameTeamExportFile(team.slug, range, format)}"`,
      // Exports hold unpublished work: never kept by a shared cache or the browser's.
      "Cache-Control": "private, no-store",
    },
  });
});

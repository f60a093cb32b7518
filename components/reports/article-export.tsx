import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

type ExportOptions = { history: boolean; comments: boolean; final: boolean; reviewUrl: string };

const formats = [
  { format: "pdf", label: "PDF", hint: "To sign and archive: the title and page numbers on every page, a bookmark per claim." },
  { format: "html", label: "HTML", hint: "One self-contained page, readable on screen and printable." },
  { format: "md", label: "Markdown", hint: "For pasting into a CMS or a ticket." },
  { format: "csv", label: "CSV", hint: "One row per claim, for spreadsheets (UTF-8, safe against formulas)." },
  { format: "json", label: "JSON", hint: "The complete record, versioned schema (docs/schemas/report-v1.schema.json)." },
  { format: "claimreview", label: "ClaimReview JSON-LD", hint: "schema.org markup for the published fact check: one ClaimReview per final verdict." },
] as const;

function toQuery(format: string, options: ExportOptions, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({ format, history: options.history ? "1" : "0", comments: options.comments ? "1" : "0", final: options.final ? "1" : "0", ...extra });
  if (options.reviewUrl) params.set("reviewUrl", options.reviewUrl);
  return params.toString();
}

/**
 * The export choices as a plain GET form (the options live in the page's URL, so a chosen set of
 * options can be bookmarked), one download of every format in a .zip, and one link per format.
 */
export function ArticleExport({ reportPath, options, articleSlug }: { reportPath: string; options: ExportOptions; articleSlug: string }) {
  return (
    <div className="space-y-6">
      <form className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Report options">
        <fieldset className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <legend className="mb-2 text-sm font-semibold">What the report includes</legend>
          <input type="hidden" name="set" value="1" />
          <label className="flex items-center gap-2">
            <input type="checkbox" name="history" value="1" defaultChecked={options.history} /> The history of the verification
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="comments" value="1" defaultChecked={options.comments} /> Internal comments
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="final" value="1" defaultChecked={options.final} /> Only final verdicts (hold back those awaiting sign-off)
          </label>
        </fieldset>
        <div className="max-w-xl">
          <label htmlFor="review-url" className="block text-sm font-medium">Where the fact check is published (optional, for ClaimReview)</label>
          <input id="review-url" name="reviewUrl" type="url" defaultValue={options.reviewUrl} placeholder={`https://your-site.example/fact-checks/${articleSlug}`} className={inputClasses} />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>Apply options</button>
      </form>
      <section aria-labelledby="archive-heading" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4">
        <div>
          <h2 id="archive-heading" className="font-medium">Every format in one archive</h2>
          <p className="text-sm text-slate-700">PDF, HTML, Markdown, CSV, JSON and ClaimReview of the same report, with these options and one fingerprint, in a .zip.</p>
        </div>
        <a href={`${reportPath}?${toQuery("zip", options)}`} className={buttonClasses("primary")} download>
          Download all formats (.zip)
        </a>
      </section>
      <ul aria-label="Report formats" className="grid gap-3 sm:grid-cols-2">
        {formats.map(({ format, label, hint }) => (
          <li key={format} className="flex items-start justify-between gap-3 rounded-lg border border-slate-200 bg-white p-4">
            <div>
              <p className="font-medium">{label}</p>
              <p className="text-sm text-slate-600">{hint}</p>
            </div>
            <div className="flex shrink-0 flex-col items-end gap-1">
              <a href={`${reportPath}?${toQuery(format, options)}`} className={buttonClasses("primary", "sm")} download>
                Download {label}
              </a>
              {format === "html" || format === "pdf" ? (
                <a href={`${reportPath}?${toQuery(format, options, { inline: "1" })}`} target="_blank" rel="noopener" className="text-sm text-brand-700 underline">
                  Open {label}<span className="sr-only"> report in a new tab</span>
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { buttonClasses } from "@/components/ui/button";

/** Downloads of every article in the range, in the formats spreadsheets and archives take. */
export function ExportLinks({ teamSlug, from, to }: { teamSlug: string; from: string; to: string }) {
  const href = (format: "csv" | "json") => `/api/t/${encodeURIComponent(teamSlug)}/reports/export?${new URLSearchParams({ from, to, format })}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={href("csv")} download className={buttonClasses("secondary", "sm")}>
        <span aria-hidden="true">↓</span> Export CSV<span className="sr-only"> of the articles from {from} to {to}</span>
      </a>
      <a href={href("json")} download className={buttonClasses("secondary", "sm")}>
        <span aria-hidden="true">↓</span> Export JSON<span className="sr-only"> of the articles from {from} to {to}</span>
      </a>
    </div>
  );
}

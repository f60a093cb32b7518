import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type RangeFormProps = { from: string; to: string; problems: string[] };

/** The report's range as a plain GET form: the page's address says what it shows, and works without JavaScript. */
export function RangeForm({ from, to, problems }: RangeFormProps) {
  return (
    <div className="space-y-2">
      {problems.length > 0 ? (
        <Notice tone="error">
          {problems.join(" ")} Showing the last 30 days instead.
        </Notice>
      ) : null}
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Report range">
        <div>
          <label htmlFor="report-from" className="block text-xs font-medium text-slate-600">From</label>
          <input id="report-from" name="from" type="date" required defaultValue={from} className={inputClasses} />
        </div>
        <div>
          <label htmlFor="report-to" className="block text-xs font-medium text-slate-600">To (included)</label>
          <input id="report-to" name="to" type="date" required defaultValue={to} className={inputClasses} />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>Show</button>
        <p className="text-xs text-slate-500">Days are UTC days; a range covers at most 366 days.</p>
      </form>
    </div>
  );
}

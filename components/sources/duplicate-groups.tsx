import Link from "next/link";
import type { ActionResult } from "@/lib/auth/action";
import { MergeGroupForm } from "./merge-group-form";

type MergeAction = (state: ActionResult<never> | null, form: FormData) => Promise<ActionResult<never>>;
type Group = { sources: { id: string; name: string }[]; reasons: string[] };

/** "Possible duplicates": each group with why it looks alike, and a merge form for editors. */
export function DuplicateGroups({ team, groups, mergeAction }: { team: string; groups: Group[]; mergeAction?: MergeAction }) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="duplicates-heading" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="duplicates-heading" className="font-semibold">
        <span aria-hidden="true">⚠ </span>Possible duplicates ({groups.length})
      </h2>
      <p className="mt-1">These entries share a name or a domain. Merge them so every citation points at one source.</p>
      <ul className="mt-3 space-y-3">
        {groups.map((group) => {
          const label = `${group.sources.map((source) => source.name).join(" / ")} (${group.reasons.join(", ")})`;
          return (
            <li key={group.sources.map((source) => source.id).join("-")} className="rounded border border-amber-200 bg-white p-3">
              {mergeAction ? (
                <MergeGroupForm action={mergeAction} team={team} sources={group.sources} legend={label} />
              ) : (
                <p>
                  {group.sources.map((source, index) => (
                    <span key={source.id}>
                      {index > 0 ? " / " : null}
                      <Link href={`/t/${team}/sources/${source.id}`} className="underline">
                        {source.name}
                      </Link>
                    </span>
                  ))}{" "}
                  ({group.reasons.join(", ")})
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

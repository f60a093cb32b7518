import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ArticlePresence, TeamPresenceProvider } from "@/components/live/team-presence";
import { ClaimProgress } from "@/components/articles/progress-bar";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { requirePageTeam } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { readPageLiveCursor } from "@/lib/live/page-cursor";
import { listArticlesWithProgress, listOutlets, type ArticleFilter } from "@/lib/articles/list";
import { SearchResults } from "@/components/search/search-results";
import { SEARCH_KINDS, searchTeam } from "@/lib/search/full-text";
import { MAX_QUERY_CHARS } from "@/lib/search/query";
import { truncate } from "@/lib/text/truncate";
import { formatDay } from "@/lib/text/dates";

export const metadata = { title: "Articles" };

const notices: Record<string, { tone: "info" | "success" | "error"; text: string }> = {
  forbidden: { tone: "error", text: "Your role in this team does not allow that. Ask a team owner if you need it." },
  joined: { tone: "success", text: "Welcome! You have joined the team." },
  created: { tone: "success", text: "Your team is ready. Invite colleagues from the Members page." },
};

const progressOptions = [
  { value: "all", label: "All articles" },
  { value: "unstarted", label: "Not started" },
  { value: "in-progress", label: "In progress" },
  { value: "complete", label: "Complete" },
] as const;

export default async function ArticlesPage({ params, searchParams }: PageProps<"/t/[team]">) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team, role, user } = await requirePageTeam(slug);
  const search = typeof query.q === "string" ? truncate(query.q, MAX_QUERY_CHARS) : "";
  const onlyKind = SEARCH_KINDS.find((kind) => kind === query.kind);
  const filter: ArticleFilter = {
    outlet: typeof query.outlet === "string" && query.outlet ? query.outlet : undefined,
    progress: progressOptions.find((option) => option.value === query.progress)?.value ?? "all",
  };
  const isSearching = search.trim() !== "";
  // The live feed's head before the list: a colleague's change after this read shows (decision 0022).
  const liveCursor = await readPageLiveCursor(team.id);
  const [result, articles, outlets] = await Promise.all([
    searchTeam(db, team.id, search, onlyKind ? { kinds: [onlyKind], limit: 20, cursor: typeof query.after === "string" ? query.after : null } : {}),
    isSearching ? [] : listArticlesWithProgress(db, team.id, filter),
    isSearching ? [] : listOutlets(db, team.id),
  ]);
  const searchHref = (params: Record<string, string>) => `/t/${team.slug}?${new URLSearchParams({ q: search, ...params })}`;
  const notice = typeof query.notice === "string" ? notices[query.notice] : undefined;
  const isFiltered = Boolean(filter.outlet || filter.progress !== "all");
  return (
    <TeamPresenceProvider>
      <div className="space-y-6">
        {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Articles</h1>
            <p className="text-sm text-slate-600">What {team.name} is checking.</p>
          </div>
          <div className="flex items-center gap-4">
            {isSearching ? null : (
              <LiveRefresh
                team={team.slug}
                cursor={liveCursor}
                userId={user.id}
                scope={{ page: "articles", articleIds: articles.map((article) => article.id), mayGainArticles: filter.progress !== "all" }}
              />
            )}
            {can(role, "content:write") ? (
              <Link href={`/t/${team.slug}/articles/new`} className={buttonClasses("primary")}>
                Import an article
              </Link>
            ) : null}
          </div>
        </div>
        <form role="search" aria-label="Search this team" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <div className="min-w-60 flex-1">
            <label htmlFor="team-search" className="block text-xs font-medium text-slate-600">
              Search claims, rationales, comments, sources and articles
            </label>
            <input id="team-search" name="q" type="search" maxLength={MAX_QUERY_CHARS} defaultValue={search} className={inputClasses} placeholder='A word, or "words in quotes" for a phrase' />
          </div>
          <button type="submit" className={buttonClasses("secondary")}>
            Search
          </button>
          {isSearching ? (
            <Link href={`/t/${team.slug}`} className="text-sm text-brand-700 underline">
              Clear
            </Link>
          ) : null}
        </form>
        {isSearching ? (
          <>
            {onlyKind ? (
              <p className="text-sm">
                <Link href={searchHref({})} className="text-brand-700 underline">
                  All results for “{search}”
                </Link>
              </p>
            ) : null}
            <SearchResults result={result} query={search} teamSlug={team.slug} moreHref={(kind, cursor) => searchHref({ kind, after: cursor })} />
          </>
        ) : (
          <>
            <form aria-label="Filter articles" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
              <div>
                <label htmlFor="article-progress" className="block text-xs font-medium text-slate-600">
                  Progress
                </label>
                <select id="article-progress" name="progress" defaultValue={filter.progress} className={inputClasses}>
                  {progressOptions.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor="article-outlet" className="block text-xs font-medium text-slate-600">
                  Outlet
                </label>
                <select id="article-outlet" name="outlet" defaultValue={filter.outlet ?? ""} className={inputClasses}>
                  <option value="">Any outlet</option>
                  {outlets.map((outlet) => (
                    <option key={outlet} value={outlet}>
                      {outlet}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className={buttonClasses("secondary")}>
                Filter
              </button>
              {isFiltered ? (
                <Link href={`/t/${team.slug}`} className="text-sm text-brand-700 underline">
                  Clear
                </Link>
              ) : null}
            </form>
            {articles.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
                {isFiltered ? "No article matches these filters." : "No articles yet. Import one to start checking."}
              </p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Articles">
                {articles.map((article) => (
                  <li key={article.id} className="grid gap-3 p-4 sm:grid-cols-[1fr_18rem] sm:items-center">
                    <div>
                      <Link href={`/t/${team.slug}/articles/${article.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {article.title}
                      </Link>
                      <p className="mt-1 text-sm text-slate-600">
                        {[article.outlet, article.author, (article.publishedAt ? formatDay(article.publishedAt) : null) ?? `imported ${formatDay(article.createdAt)}`]
                          .filter(Boolean)
                          .join(" · ")}
                      </p>
                      <div className="[&_ul]:mt-2">
                        <ArticlePresence articleId={article.id} title={article.title} selfId={user.id} />
                      </div>
                    </div>
                    <ClaimProgress counts={article.counts} total={article.total} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </TeamPresenceProvider>
  );
}

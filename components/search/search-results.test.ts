import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SearchResult } from "@/lib/search/full-text";
import { hitHref, SearchResults } from "./search-results";

const render = (result: SearchResult, query = "q") => renderToStaticMarkup(createElement(SearchResults, { result, query, teamSlug: "desk", moreHref: (kind, cursor) => `/t/desk?kind=${kind}&after=${cursor}` }));

describe("SearchResults", () => {
  it("renders what users wrote as text, with only the match in <mark>", () => {
    const html = render({
      status: "ok",
      groups: [
        {
          kind: "claim",
          nextCursor: "5",
          hits: [
            {
              kind: "claim", id: "c1", score: 1, label: "<img src=x onerror=alert(1)>", article: { id: "a1", title: "<b>Title</b>" }, claimId: "c1",
              snippet: [{ text: "<script>alert(1)</script> ", isMatch: false }, { text: "<i>Wagner</i>", isMatch: true }],
            },
          ],
        },
      ],
    });
    expect(html).not.toMatch(/<img|<script|<b>|<i>/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toMatch(/<mark[^>]*>&lt;i&gt;Wagner&lt;\/i&gt;<\/mark>/);
    expect(html).toContain('href="/t/desk/articles/a1/claims/c1"');
    expect(html).toContain('href="/t/desk?kind=claim&amp;after=5"');
  });

  it("says when nothing matches, and when only punctuation was typed", () => {
    expect(render({ status: "ok", groups: [{ kind: "claim", hits: [], nextCursor: null }] }, "zzz")).toContain("Nothing in this team matches “zzz”");
    expect(render({ status: "no-words" }, "%%")).toContain("has only punctuation");
    expect(render({ status: "empty" })).toBe("");
  });

  it("links each kind to its place", () => {
    const base = { score: 1, label: "x", snippet: [], article: { id: "a1", title: "t" }, claimId: "c1" };
    expect(hitHref("desk", { ...base, kind: "comment", id: "m1" })).toBe("/t/desk/articles/a1/claims/c1#comment-m1");
    expect(hitHref("desk", { ...base, kind: "rationale", id: "c1" })).toBe("/t/desk/articles/a1/claims/c1#verdict-heading");
    expect(hitHref("desk", { ...base, kind: "source", id: "s1", article: null, claimId: null })).toBe("/t/desk/sources/s1");
    expect(hitHref("desk", { ...base, kind: "article", id: "a1", claimId: null })).toBe("/t/desk/articles/a1");
  });
});

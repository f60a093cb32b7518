/**
 * The article's highlight styles, once for the whole text rather than as utility classes on each
 * of a thousand marks (which tripled the page's HTML). Statuses differ in underline style and
 * marker border (dashed, dotted, double, solid) as well as colour. "Needs review" is a workflow
 * state, not a verdict: violet and double, never red or wavy (read as "error" or "false"), its
 * marker says "review", and its paragraph gets a "Review" label in the margin on wide screens.
 * A suggestion (not yet a claim) is teal, dotted, and opens with a "suggested" button.
 */
export const PREVIEW_HIGHLIGHT = "factdesk-preview";

export const articleTextCss = `
#article-text mark{color:inherit;cursor:pointer;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:4px;text-decoration-skip-ink:none}
#article-text mark[data-s=unchecked]{background:#fef3c7;text-decoration-color:#b45309;text-decoration-style:dashed}
#article-text mark[data-s=in_progress]{background:#e0f2fe;text-decoration-color:#0369a1;text-decoration-style:dotted}
#article-text mark[data-s=needs_review]{background:#ede9fe;text-decoration-color:#6d28d9;text-decoration-style:double;text-decoration-thickness:3px}
#article-text mark[data-s=done]{background:#d1fae5;text-decoration-color:#047857;text-decoration-style:solid}
#article-text mark[data-overlap]{box-shadow:inset 0 -0.4em 0 rgb(15 23 42/0.12)}
#article-text [data-marker]{display:inline-block;min-width:1.5em;margin-right:3px;padding:0 4px;border:2px solid;border-radius:9999px;font:600 0.65rem/1.35 ui-sans-serif,system-ui,sans-serif;text-align:center;vertical-align:0.35em;cursor:pointer;user-select:none}
#article-text [data-marker][data-s=unchecked]{border-style:dashed;border-color:#64748b;background:#fff;color:#1e293b}
#article-text [data-marker][data-s=in_progress]{border-style:dotted;border-color:#0369a1;background:#f0f9ff;color:#0c4a6e}
#article-text [data-marker][data-s=needs_review]{border-style:double;border-width:3px;border-color:#6d28d9;background:#f5f3ff;color:#4c1d95}
#article-text [data-marker][data-s=needs_review]::after{content:" · review";font-weight:500}
@media (min-width:1024px){#article-text p[data-review]{position:relative}#article-text p[data-review]::before{content:"Review";position:absolute;left:-3.6rem;top:0.35em;padding-left:5px;border-left:3px double #6d28d9;font:600 0.68rem/1.4 ui-sans-serif,system-ui,sans-serif;letter-spacing:0.03em;text-transform:uppercase;color:#5b21b6}}
#article-text [data-marker][data-s=done]{border-color:#047857;background:#059669;color:#fff}
#article-text [data-active]{outline:2px solid #2647c7;outline-offset:1px}
#article-text [data-suggested]{background:#f0fdfa;border-bottom:2px dotted #0f766e}
#article-text [data-suggestion-marker]{display:inline-block;margin-right:3px;padding:0 5px;border:1.5px dotted #0f766e;border-radius:4px;background:#fff;color:#115e59;font:600 0.65rem/1.35 ui-sans-serif,system-ui,sans-serif;letter-spacing:0.03em;text-transform:uppercase;vertical-align:0.35em;cursor:pointer;user-select:none}
#article-text [data-suggestion-marker]:hover{background:#ccfbf1}
#article-text [data-suggestion-marker]:focus-visible{outline:2px solid #2647c7;outline-offset:2px}
::highlight(${PREVIEW_HIGHLIGHT}){background-color:#fde047;color:#0f172a}
`;

/**
 * The report's colours, shared by the HTML (as CSS variables) and the typeset PDF. Every text
 * colour on its background passes WCAG AA.
 */
export const REPORT_COLOURS = {
  ink: "#1b1f24", muted: "#57606a", rule: "#d0d7de", paper: "#fff", accent: "#0a4b84",
  ok: "#0f5c28", "ok-bg": "#e7f3ea", bad: "#9c1027", "bad-bg": "#fcecee",
  warn: "#6f4500", "warn-bg": "#fff3d4", plain: "#3d444d", "plain-bg": "#eef1f4",
} as const;

/**
 * The report's only stylesheet, inline so the page loads nothing: system fonts, no images, no
 * url(). Verdicts differ in glyph, wording and border (solid when final, dashed while awaiting
 * sign-off, dotted without a verdict), never in colour alone. Printed, it fits A4; claims flow
 * on from the summary (a forced page break left near-empty pages), and no claim heading,
 * verdict, citation or figure is split across pages where the browser can help it.
 */
export const REPORT_CSS = `
:root{${Object.entries(REPORT_COLOURS).map(([name, value]) => `--${name}:${value}`).join(";")};
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f3f4f6;color:var(--ink);font:15px/1.55 var(--sans);font-kerning:normal}
.page{max-width:52rem;margin:2rem auto;background:var(--paper);padding:2.5rem 3rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.1)}
a{color:var(--accent);overflow-wrap:anywhere}
h1{font-size:1.8rem;line-height:1.2;margin:.3rem 0 1.2rem;letter-spacing:-.01em;text-wrap:balance}
h2{font-size:1.25rem;margin:2.4rem 0 .8rem;padding-bottom:.35rem;border-bottom:2px solid var(--ink)}
h3{font-size:1rem;margin:1.6rem 0 .5rem}
h4{font-size:.75rem;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);margin:1.1rem 0 .35rem}
p{margin:.35rem 0}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.82em;overflow-wrap:anywhere}
.kicker{font-size:.78rem;text-transform:uppercase;letter-spacing:.09em;color:var(--muted);margin:0}
dl.meta,dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1.25rem;margin:0}
dl.meta{font-size:.9rem}
dl.facts{font-size:.88rem;margin:.6rem 0}
dt{color:var(--muted)}
dd{margin:0;overflow-wrap:anywhere}
.figures{display:grid;grid-template-columns:repeat(5,1fr);gap:.75rem;margin:1rem 0 1.25rem}
.figure{border:1px solid var(--rule);border-radius:6px;padding:.6rem .8rem}
.figure b{display:block;font-size:1.7rem;line-height:1.1;font-variant-numeric:tabular-nums}
.figure span{font-size:.8rem;color:var(--muted)}
.tables{display:flex;flex-wrap:wrap;gap:0 2.5rem}
table{border-collapse:collapse;font-size:.88rem;margin:.4rem 0}
th,td{text-align:left;vertical-align:top;padding:.25rem 1rem .25rem 0;border-bottom:1px solid var(--rule)}
th{font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;padding-right:0}
.callout{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.7rem 1rem;margin:1.1rem 0;border-radius:0 6px 6px 0}
.callout strong{color:var(--warn)}
ul.questions{padding-left:1.2rem;margin:.3rem 0}
.all-clear{color:var(--ok);font-weight:600}
.claim{border-top:1px solid var(--rule);padding-top:1.2rem;margin-top:1.6rem}
.claim:first-of-type{border-top:0;margin-top:0}
.claim-head{display:flex;gap:1rem;align-items:flex-start;justify-content:space-between}
.claim-number{font-size:.8rem;font-weight:700;color:var(--muted);text-transform:uppercase;letter-spacing:.07em;margin:0}
.statement{font-size:1.1rem;font-weight:600;line-height:1.4;margin:.15rem 0 .5rem}
blockquote.quote{margin:.5rem 0 .8rem;padding:.1rem 0 .1rem 1rem;border-left:3px solid var(--rule);font-family:Georgia,"Times New Roman",serif;color:#333}
.quote-source{font-size:.8rem;color:var(--muted);font-family:var(--sans)}
.badge{display:inline-flex;align-items:center;gap:.4em;white-space:nowrap;font-size:.85rem;font-weight:600;padding:.15rem .6rem;border:1.5px solid currentColor;border-radius:999px;line-height:1.4}
.badge .glyph{font-weight:800}
.v-accurate{color:var(--ok);background:var(--ok-bg)}
.v-false{color:var(--bad);background:var(--bad-bg)}
.v-misleading{color:var(--warn);background:var(--warn-bg)}
.v-unsubstantiated,.v-not_checkable{color:var(--plain);background:var(--plain-bg)}
.badge.awaiting{border-style:dashed}
.badge.withheld,.badge.none{color:var(--muted);background:transparent}
.badge.withheld{border-style:dashed}
.badge.none{border-style:dotted}
.status{font-size:.88rem}
ul.chains,ul.warnings,ul.comments{list-style:none;padding:0;margin:.3rem 0}
ul.chains li{padding:.1rem 0}
.chain-end{font-size:.85em;color:var(--muted)}
.chain-end.origin{color:var(--ok);font-weight:600}
ul.warnings li{color:var(--warn);padding:.1rem 0}
ol.citations{padding-left:1.3rem;margin:.3rem 0}
ol.citations li{margin:.5rem 0}
.cite-meta{font-size:.84rem;color:var(--muted)}
.passage{margin:.3rem 0;padding-left:.75rem;border-left:2px solid var(--rule);font-style:italic}
.note{font-size:.84rem}
table.history{width:100%;font-size:.8rem}
table.history td:first-child,table.history td:nth-child(2){white-space:nowrap}
ul.comments li{margin:.35rem 0;font-size:.88rem}
.muted{color:var(--muted)}
footer.report-footer{margin-top:2.5rem;padding-top:1rem;border-top:2px solid var(--ink);font-size:.82rem;color:var(--muted)}
.approval{display:grid;grid-template-columns:1fr 1fr;gap:2rem;margin:1.5rem 0 .5rem}
.approval div{border-top:1px solid var(--ink);padding-top:.25rem}
@media (max-width:40rem){.page{margin:0;padding:1.25rem}.figures{grid-template-columns:repeat(2,1fr)}.claim-head{flex-direction:column;gap:.25rem}}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{
html{font-size:8.5pt}
body{background:none;font-size:9pt;line-height:1.35}
.page{max-width:none;margin:0;padding:0;box-shadow:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
h1{font-size:1.9rem;margin:.2rem 0 .8rem}
h2{margin:1.4rem 0 .5rem}
h4{margin:.55rem 0 .15rem;font-size:.8rem}
.claim{padding-top:.6rem;margin-top:.8rem}
.statement{font-size:1.15rem;margin:.1rem 0 .3rem}
blockquote.quote{margin:.25rem 0 .4rem}
dl.facts{display:flex;flex-wrap:wrap;gap:0 .35rem;margin:.3rem 0}
dl.facts dt::after{content:":"}
dl.facts dd{margin-right:1.1rem}
ol.citations li{margin:.2rem 0}
.passage{margin:.15rem 0}
table.history th,table.history td{padding:.05rem .8rem .05rem 0}
.claim-head,.figure,.callout,blockquote,ol.citations li,tr,.approval{break-inside:avoid}
h2,h3,h4,.claim-head{break-after:avoid}
}
`;

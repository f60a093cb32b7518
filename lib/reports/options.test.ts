import { describe, expect, it } from "vitest";
import { parseReportQuery } from "./options";
import { buildReportHeaders, nameReportFile } from "./render";

const parse = (query: string) => parseReportQuery(new URLSearchParams(query));

describe("parseReportQuery", () => {
  it("defaults to HTML with the history, without comments, final verdicts only", () => {
    expect(parse("").data).toEqual({ format: "html", history: true, comments: false, final: true, inline: false });
  });

  it("reads every option, case aside", () => {
    expect(parse("format=CSV&history=0&comments=1&final=false&inline=yes&reviewUrl=https://desk.example/checks/1").data)
      .toEqual({ format: "csv", history: false, comments: true, final: false, inline: true, reviewUrl: "https://desk.example/checks/1" });
  });

  it("refuses an unknown format or flag with a message that says what would do", () => {
    const format = parse("format=docx");
    expect(format.success).toBe(false);
    expect(format.error?.issues[0].message).toBe("Unknown format. Choose one of: html, md, csv, json, claimreview, pdf, zip.");
    expect(parse("history=maybe").error?.issues[0].message).toBe("history must be 1 or 0");
    expect(parse("reviewUrl=javascript:alert(1)").success).toBe(false);
  });
});

describe("nameReportFile", () => {
  it("keeps only ASCII letters, digits and dashes, with the date and extension", () => {
    expect(nameReportFile("Putin's \"private\" armies / Ärger & Ça", "2025-05-06T09:30:00.000Z", "html")).toBe("report-putin-s-private-armies-arger-ca-2025-05-06.html");
    expect(nameReportFile("Путин", "2025-05-06T09:30:00.000Z", "csv")).toBe("report-article-2025-05-06.csv");
    expect(nameReportFile("x".repeat(200), "2025-05-06T09:30:00.000Z", "md")).toHaveLength("report-".length + 60 + "-2025-05-06.md".length);
  });
});

describe("buildReportHeaders", () => {
  it("marks the download as not to be cached and carries the fingerprint", () => {
    const headers = buildReportHeaders({ contentType: "text/csv; charset=utf-8", filename: "report-a-2025-05-06.csv", inline: false, fingerprint: "ab".repeat(32) });
    expect(Object.fromEntries(headers)).toMatchObject({
      "cache-control": "no-store",
      "content-disposition": 'attachment; filename="report-a-2025-05-06.csv"',
      "content-type": "text/csv; charset=utf-8",
      "x-report-fingerprint": `sha256:${"ab".repeat(32)}`,
    });
    expect(buildReportHeaders({ contentType: "text/html; charset=utf-8", filename: "r.html", inline: true, fingerprint: "" }).get("content-disposition")).toBe('inline; filename="r.html"');
  });
});

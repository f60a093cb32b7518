import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { setUpReportArticle } from "./test-fixtures";

// The route handler end to end on a test database, through the real guard: only who is signed in
// is stood in for (the session cookie), so a 404 for another team comes from the membership check.
vi.mock("@/lib/db", async () => ({ db: (await import("@/tests/test-db")).setUpTestDatabase() }));
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

const { GET } = await import("@/app/api/t/[team]/articles/[articleId]/report/route");

let fixture: Awaited<ReturnType<typeof setUpReportArticle>>;

beforeAll(async () => {
  fixture = await setUpReportArticle(db);
  session.user = { id: fixture.owner.id, email: fixture.owner.email, name: fixture.owner.name };
});

function get(query: string, params: { team?: string; articleId?: string } = {}) {
  const team = params.team ?? fixture.team.slug;
  const articleId = params.articleId ?? fixture.articleId;
  const request = new NextRequest(`http://factdesk.test/api/t/${team}/articles/${articleId}/report?${query}`);
  return GET(request, { params: Promise.resolve({ team, articleId }) });
}

describe("GET /api/t/[team]/articles/[articleId]/report", () => {
  it.each([
    ["html", "text/html; charset=utf-8", ".html"],
    ["md", "text/markdown; charset=utf-8", ".md"],
    ["csv", "text/csv; charset=utf-8; header=present", ".csv"],
    ["json", "application/json; charset=utf-8", ".json"],
    ["claimreview", "application/ld+json; charset=utf-8", ".claimreview.jsonld"],
  ])("serves %s as a download with its type, a safe name, no caching and the fingerprint", async (format, type, extension) => {
    const response = await get(`format=${format}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="report-putin-s-private-armies-\\d{4}-\\d{2}-\\d{2}${extension.replaceAll(".", "\\.")}"$`));
    expect(response.headers.get("cache-control")).toBe("no-store");
    const fingerprint = response.headers.get("x-report-fingerprint");
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await response.text()).toContain(format === "claimreview" ? fingerprint : fingerprint!.slice(7));
  });

  it("shows HTML inline for preview, and points ClaimReview urls at the report unless told the published page", async () => {
    expect((await get("format=html&inline=1")).headers.get("content-disposition")).toMatch(/^inline;/);
    const [review] = JSON.parse(await (await get("format=claimreview")).text());
    expect(review.url).toBe(`http://factdesk.test/api/t/${fixture.team.slug}/articles/${fixture.articleId}/report?format=html&inline=1#claim-1`);
    const [published] = JSON.parse(await (await get("format=claimreview&reviewUrl=https://desk.example/checks/9")).text());
    expect(published.url).toBe("https://desk.example/checks/9#claim-1");
  });

  it("applies the options", async () => {
    const json = JSON.parse(await (await get("format=json&history=0&comments=1&final=0")).text());
    expect(json.options).toEqual({ includeHistory: false, includeComments: true, finalOnly: false });
    expect(json.generatedBy).toEqual({ name: "Olga Owner", email: fixture.owner.email });
  });

  it("typesets the PDF from the same report, named and fingerprinted like the other formats", async () => {
    const response = await get("format=pdf");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="report-putin-s-private-armies-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const fingerprint = response.headers.get("x-report-fingerprint")!.replace("sha256:", "");
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: Buffer.from(await response.arrayBuffer()), encoding: "utf8" });
    expect(text).toContain("Putin's private armies");
    expect(text).toContain(`Fingerprint ${fingerprint.slice(0, 12)}`);
    expect(text).toContain(`sha256:${fingerprint}`);
  });

  it("gives every format of the same report the same fingerprint, whenever each was downloaded, in its header and its body", async () => {
    const bodies: Record<string, string> = {};
    const headers = new Set<string | null>();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (const [index, format] of ["html", "md", "csv", "json", "claimreview", "pdf"].entries()) {
        vi.setSystemTime(new Date(Date.UTC(2025, 4, 6, 9, 30, index, index * 7)));
        const response = await get(`format=${format}`);
        headers.add(response.headers.get("x-report-fingerprint"));
        bodies[format] = format === "pdf"
          ? execFileSync("pdftotext", ["-", "-"], { input: Buffer.from(await response.arrayBuffer()), encoding: "utf8" })
          : await response.text();
      }
    } finally {
      vi.useRealTimers();
    }
    expect(headers.size).toBe(1);
    const [header] = [...headers];
    const json = JSON.parse(bodies.json);
    expect(json.generatedAt).toBe("2025-05-06T09:30:03.021Z");
    expect(`sha256:${json.fingerprint.value}`).toBe(header);
    expect(bodies.html).toContain(`<meta name="report-fingerprint" content="${header}">`);
    expect(bodies.md).toContain(`Report fingerprint: \`${header}\``);
    expect(bodies.csv.split("\r\n")[1].endsWith(header!)).toBe(true);
    expect(JSON.parse(bodies.claimreview)[0].isBasedOn.identifier).toBe(header);
    expect(bodies.pdf.replace(/\s+/g, "")).toContain(header);
  });

  it("serves every format of the same report in one .zip that opens, each file carrying the archive's fingerprint", async () => {
    const response = await get("format=zip&comments=1&reviewUrl=https://desk.example/checks/9");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="report-putin-s-private-armies-\d{4}-\d{2}-\d{2}\.zip"$/);
    const header = response.headers.get("x-report-fingerprint")!;
    const folder = mkdtempSync(path.join(tmpdir(), "factdesk-archive-"));
    const archive = path.join(folder, "report.zip");
    writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
    // Opened by Info-ZIP's unzip, not by the library that wrote it.
    expect(execFileSync("unzip", ["-t", archive], { encoding: "utf8" })).toContain("No errors detected");
    execFileSync("unzip", ["-q", archive, "-d", folder]);
    const names = readdirSync(folder).filter((name) => name !== "report.zip").sort();
    const stem = names.find((name) => name.endsWith(".json"))!.replace(/\.json$/, "");
    expect(names).toEqual(["README.txt", ...["claimreview.jsonld", "csv", "html", "json", "md", "pdf"].map((extension) => `${stem}.${extension}`)]);
    const read = (extension: string) => readFileSync(path.join(folder, `${stem}.${extension}`), "utf8");
    const json = JSON.parse(read("json"));
    expect(`sha256:${json.fingerprint.value}`).toBe(header);
    expect(json.options).toEqual({ includeHistory: true, includeComments: true, finalOnly: true });
    expect(read("html")).toContain(`<meta name="report-fingerprint" content="${header}">`);
    expect(read("md")).toContain(`Report fingerprint: \`${header}\``);
    expect(read("csv").split("\r\n")[1].endsWith(header)).toBe(true);
    expect(JSON.parse(read("claimreview.jsonld"))[0]).toMatchObject({ url: "https://desk.example/checks/9#claim-1", isBasedOn: { identifier: header } });
    const pdf = execFileSync("pdftotext", [path.join(folder, `${stem}.pdf`), "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(pdf).toContain(header);
    expect(readFileSync(path.join(folder, "README.txt"), "utf8")).toContain(`Report fingerprint ${header}`);
  });

  it("answers 400 for an unknown format, 404 for another team's or an unknown article, as JSON", async () => {
    const unknown = await get("format=docx");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: "Unknown format. Choose one of: html, md, csv, json, claimreview, pdf, zip." });
    const stranger = await setUpReportArticle(db);
    const other = await get("format=json", { articleId: stranger.articleId });
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: "This article does not exist in this team." });
    const otherTeam = await get("format=json", { team: stranger.team.slug });
    expect(otherTeam.status).toBe(404);
    expect(await otherTeam.json()).toEqual({ error: "This team does not exist, or you are not a member of it." });
  });

  it("answers 401 when nobody is signed in", async () => {
    const signedIn = session.user;
    session.user = null;
    try {
      expect((await get("format=json")).status).toBe(401);
    } finally {
      session.user = signedIn;
    }
  });
});

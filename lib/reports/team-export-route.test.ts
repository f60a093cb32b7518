import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";

// The route as Next calls it on the test's database, through the real guard: only who is signed in
// (the session cookie) is stood in for, so the team check is the app's own.
const testDb = setUpTestDatabase();
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/db", () => ({ db: testDb }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
const { GET } = await import("@/app/api/t/[team]/reports/export/route");

async function call(query: string, team: string) {
  const request = new NextRequest(`http://localhost/api/t/${team}/reports/export?${query}`);
  return GET(request, { params: Promise.resolve({ team }) });
}

async function createViewerTeam() {
  const owner = await createTestUser(testDb, { name: "Olga Owner" });
  const viewer = await createTestUser(testDb, { name: "Vera Viewer" });
  const team = await createTeam(testDb, { name: "Desk", userId: owner.id });
  await testDb.membership.create({ data: { teamId: team.id, userId: viewer.id, role: "viewer" } });
  return { team, viewer: { id: viewer.id, name: viewer.name, email: viewer.email } };
}

describe("GET /api/t/[team]/reports/export", () => {
  it("sends the CSV as a download that no cache keeps", async () => {
    const { team, viewer } = await createViewerTeam();
    session.user = viewer;
    const response = await call("from=2025-03-01&to=2025-03-31&format=csv", team.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="factdesk-${team.slug}-2025-03-01-to-2025-03-31.csv"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark (text() would drop it)
    expect(new TextDecoder().decode(bytes)).toBe("article_id,article_title,outlet,url,claim_number,statement,status,verdict,verdict_label,rating,rationale,verdict_by,verdict_at,signed_off_by,origins,single_origin,warnings\r\n");

    const json = await (await call("from=2025-03-01&to=2025-03-31&format=json", team.slug)).json();
    expect(json).toMatchObject({ schema: "factdesk.team-export/v1", generatedBy: { name: "Vera Viewer" }, articles: [] });
  });

  it("answers a bad range with 400 and the problem in words, and a stranger with 404", async () => {
    const { team, viewer } = await createViewerTeam();
    session.user = viewer;
    const response = await call("from=2025-03-31&to=2025-03-01", team.slug);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The start date must not be after the end date." });
    const stranger = await createTestUser(testDb, { name: "Sid Stranger" });
    session.user = { id: stranger.id, name: stranger.name, email: stranger.email };
    const refused = await call("from=2025-03-01&to=2025-03-31&format=csv", team.slug);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: "This team does not exist, or you are not a member of it." });
  });
});

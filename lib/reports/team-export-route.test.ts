import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/mutations";
import { createTestUser, setUpTestDatabase } from "@/tests/test-db";

// The route as Next calls it, with the session guard and the app's database swapped for the test's.
const testDb = setUpTestDatabase();
const guard = vi.hoisted(() => ({ requireTeam: vi.fn() }));
vi.mock("@/lib/db", () => ({ db: testDb }));
vi.mock("@/lib/auth/guard", () => guard);
const { GET } = await import("@/app/api/t/[team]/reports/export/route");

async function call(query: string) {
  const request = new NextRequest(`http://localhost/api/t/desk/reports/export?${query}`);
  return GET(request, { params: Promise.resolve({ team: "desk" }) });
}

describe("GET /api/t/[team]/reports/export", () => {
  it("sends the CSV as a download that no cache keeps", async () => {
    const user = await createTestUser(testDb, { name: "Vera Viewer" });
    const team = await createTeam(testDb, { name: "Desk", userId: user.id });
    guard.requireTeam.mockResolvedValue({ user: { id: user.id, name: user.name, email: user.email }, team, role: "viewer" });
    const response = await call("from=2025-03-01&to=2025-03-31&format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="factdesk-${team.slug}-2025-03-01-to-2025-03-31.csv"`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark (text() would drop it)
    expect(new TextDecoder().decode(bytes)).toBe("article_id,article_title,outlet,url,claim_number,statement,status,verdict,verdict_label,rating,rationale,verdict_by,verdict_at,signed_off_by,origins,single_origin\r\n");
    expect(guard.requireTeam).toHaveBeenCalledWith("desk", "report:export");

    const json = await (await call("from=2025-03-01&to=2025-03-31&format=json")).json();
    expect(json).toMatchObject({ schema: "factdesk.team-export/v1", generatedBy: { name: "Vera Viewer" }, articles: [] });
  });

  it("answers a bad range with 400 and the problem in words, and a stranger with 404", async () => {
    const response = await call("from=2025-03-31&to=2025-03-01");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The start date must not be after the end date." });
    guard.requireTeam.mockRejectedValue(new AppError("NOT_FOUND", "This team does not exist, or you are not a member of it."));
    expect((await call("")).status).toBe(404);
  });
});

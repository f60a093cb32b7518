// GET /api/health - liveness and database check: one trivial read, public, never cached.
import { db } from "@/lib/db";

// Answered on every request: a health check that a build-time render could answer is no check.
export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  try {
    await db.team.findFirst({ select: { id: true } });
    return Response.json({ ok: true }, { headers });
  } catch (error) {
    console.error("Health check: the database did not answer", error);
    return Response.json({ ok: false }, { status: 503, headers });
  }
}

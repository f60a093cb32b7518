import { afterEach, describe, expect, it, vi } from "vitest";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";

const requireTeam = vi.fn();
vi.mock("./guard", () => ({ requireTeam: (...args: unknown[]) => requireTeam(...args) }));

const { teamRoute } = await import("./route");

const request = new Request("http://localhost/api/t/desk/things") as unknown as NextRequest;
const params = (values: Record<string, string>) => ({ params: Promise.resolve(values as { team: string }) });
const context = { user: { id: "u1", email: "u@example.test", name: "Uma" }, team: { id: "t1", slug: "desk", name: "Desk" }, role: "viewer" };

afterEach(() => requireTeam.mockReset());

describe("teamRoute", () => {
  it("checks the team and permission, then passes the context and params to the handler", async () => {
    requireTeam.mockResolvedValue(context);
    const handler = vi.fn(async (_request: NextRequest, ctx: { team: { id: string }; params: { team: string; thingId: string } }) =>
      Response.json({ team: ctx.team.id, thing: ctx.params.thingId }));
    const route = teamRoute<{ team: string; thingId: string }>("report:export", handler);
    const response = await route(request, { params: Promise.resolve({ team: "desk", thingId: "x1" }) });
    expect(requireTeam).toHaveBeenCalledWith("desk", "report:export");
    expect(await response.json()).toEqual({ team: "t1", thing: "x1" });
  });

  it("answers an AppError with its status and message, and never calls the handler when the guard refuses", async () => {
    requireTeam.mockRejectedValue(new AppError("NOT_FOUND", "This team does not exist, or you are not a member of it."));
    const handler = vi.fn();
    const response = await teamRoute("report:export", handler)(request, params({ team: "other" }));
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "This team does not exist, or you are not a member of it." });
    expect(handler).not.toHaveBeenCalled();
  });

  it("maps AppErrors thrown by the handler, and hides anything else behind a generic 500", async () => {
    requireTeam.mockResolvedValue(context);
    const invalid = teamRoute("report:export", async () => {
      throw new AppError("INVALID_INPUT", "Unknown format.");
    });
    expect((await invalid(request, params({ team: "desk" }))).status).toBe(400);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = teamRoute("report:export", async () => {
      throw new Error("SQLITE_CORRUPT: database disk image is malformed at /var/data/app.db");
    });
    const response = await broken(request, params({ team: "desk" }));
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body.error).not.toMatch(/SQLITE|\/var/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

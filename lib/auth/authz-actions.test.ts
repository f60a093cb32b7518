import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actions, buildCrossTeamInputs, listInputObjectKeys, OBJECT_ID_KEYS, type ActionEntry, type TeamObjects } from "@/tests/authz/endpoints";
import { seedTeam, type SeededTeam } from "@/tests/authz/world";
import { setUpTestDatabase, testDatabaseKind } from "@/tests/test-db";
import { can, type Role } from "./roles";
import type * as ErrorsModule from "@/lib/errors";
import type * as FetchPageModule from "@/lib/sources/fetch-page";
import type { SessionUser } from "./session";

/**
 * Every server action on the list (tests/authz/endpoints.ts), called in process as Next would
 * call it, with the real guard and a real database: only the session reader, Next's cache and
 * header helpers and the capture's page fetch are stood in for.
 */
const testDb = setUpTestDatabase();
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
/** Every AppError made during a call, so a failure's message can be traced to its code. */
const madeErrors = vi.hoisted(() => [] as { code: string; message: string }[]);

vi.mock("@/lib/db", () => ({ db: testDb }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/lib/errors", async (importOriginal) => {
  const original = await importOriginal<typeof ErrorsModule>();
  class RecordedAppError extends original.AppError {
    constructor(...args: ConstructorParameters<typeof original.AppError>) {
      super(...args);
      madeErrors.push({ code: args[0], message: args[1] });
    }
  }
  return { ...original, AppError: RecordedAppError };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.1" }) }));
vi.mock("@/lib/sources/fetch-page", async (importOriginal) => ({
  ...(await importOriginal<typeof FetchPageModule>()),
  fetchPage: async (url: string) => ({ finalUrl: url, httpStatus: 200, contentType: "text/html", text: "Minutes. The budget was approved." }),
}));

type Actor = "anonymous" | "outsider" | Role;
const ACTORS: Actor[] = ["anonymous", "outsider", "viewer", "editor", "owner"];

type Outcome =
  | { kind: "ok" }
  | { kind: "redirect"; to: string }
  | { kind: "failed"; code: string; message: string };

/** Stand-in objects, only to find which ids an input names before any data exists. */
const SAMPLE = Object.fromEntries(
  [...OBJECT_ID_KEYS, "slug", "sourceName", "invitationToken", "resetToken", "verifyToken"].map((key) => [key, `sample-${key}`]),
) as unknown as TeamObjects;

type World = { home: SeededTeam; other: SeededTeam };

async function seedWorld(): Promise<World> {
  const [home, other] = await Promise.all([seedTeam(testDb, { label: "home" }), seedTeam(testDb, { label: "other" })]);
  return { home, other };
}

/** Who the session says is signed in: the home team's member of that role, or the other team's owner. */
function signInAs(world: World, actor: Actor) {
  session.user = actor === "anonymous" ? null : actor === "outsider" ? world.other.owner : world.home[actor];
}

function buildInput(entry: ActionEntry, objects: TeamObjects) {
  const input = entry.input(objects);
  return isOutsideTeams(entry) ? input : { team: objects.slug, ...input };
}

function isOutsideTeams(entry: ActionEntry): boolean {
  return entry.access === "public" || entry.access === "signed-in" || entry.access === "invitee";
}

const loaded = new Map<string, Record<string, unknown>>();
async function loadModule(module: string) {
  if (!loaded.has(module)) loaded.set(module, await import(path.resolve(import.meta.dirname, "../..", module)));
  return loaded.get(module)!;
}

async function call(entry: ActionEntry, input: Record<string, unknown>): Promise<Outcome> {
  const run = (await loadModule(entry.module))[entry.name] as (input: unknown) => Promise<{ ok: boolean; message?: string }>;
  madeErrors.length = 0;
  try {
    const result = await run(input);
    if (result.ok) return { kind: "ok" };
    const message = result.message ?? "";
    const made = madeErrors.findLast((error) => error.message === message);
    return { kind: "failed", code: made?.code ?? (message === "Check the highlighted fields." ? "INVALID_INPUT" : "UNEXPECTED"), message };
  } catch (error) {
    // Next's redirect() is thrown on purpose (an action that ends on another page).
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
    throw error;
  }
}

/** The refusal an actor is designed to get from an entry, or null when it is let in. */
function expectedRefusal(entry: ActionEntry, actor: Actor): string | null {
  if (entry.access === "public") return null;
  if (actor === "anonymous") return "UNAUTHENTICATED";
  if (entry.access === "signed-in") return null;
  // An invitation names one address; none of the actors has it (the invitee is tried on its own).
  if (entry.access === "invitee") return "FORBIDDEN";
  if (actor === "outsider") return "NOT_FOUND";
  return can(actor, entry.access) ? null : "FORBIDDEN";
}

type Table = { name: string; hasTeamId: boolean };
let tables: Table[] | undefined;

/**
 * Every table but the throttles' counters (RateLimit), which each counted call moves, refused or
 * not, before the action reads its input: bookkeeping of who asks how often, not a team's data.
 */
async function listTables(): Promise<Table[]> {
  if (tables) return tables;
  const columns = testDatabaseKind === "sqlite"
    ? await testDb.$queryRawUnsafe<{ table: string; column: string }[]>(
        "SELECT m.name AS \"table\", c.name AS \"column\" FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
      )
    : await testDb.$queryRawUnsafe<{ table: string; column: string }[]>(
        "SELECT table_name::text AS \"table\", column_name::text AS \"column\" FROM information_schema.columns WHERE table_schema = 'public'",
      );
  // SQLite's full-text indexes (virtual tables and their shadow tables) mirror the tables above
  // (lib/search): what a call changed shows in those.
  const virtual = testDatabaseKind === "sqlite"
    ? (await testDb.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")).map((row) => row.name)
    : [];
  const isIndex = (name: string) => virtual.some((table) => name === table || name.startsWith(`${table}_`));
  const names = [...new Set(columns.map((row) => row.table))].filter((name) => !name.startsWith("_prisma") && name !== "RateLimit" && !isIndex(name)).sort();
  tables = names.map((name) => ({ name, hasTeamId: columns.some((row) => row.table === name && row.column === "teamId") }));
  return tables;
}

/**
 * What a call could have changed, as one string: the size of every table (a row added or removed
 * anywhere: on SQLite its row count and last rowid, on PostgreSQL its row count and a digest of
 * every row), and every row that belongs to the given teams (their own row, each row with their
 * teamId, their members' users, their articles' dismissals).
 */
async function snapshot(teamIds: string[]): Promise<string> {
  const ids = teamIds.map((id) => `'${id.replaceAll("'", "''")}'`).join(", ");
  const parts: Record<string, unknown> = {};
  for (const { name, hasTeamId } of await listTables()) {
    const scope = hasTeamId
      ? `WHERE "teamId" IN (${ids})`
      : name === "Team"
        ? `WHERE "id" IN (${ids})`
        : name === "User"
          ? `WHERE "id" IN (SELECT "userId" FROM "Membership" WHERE "teamId" IN (${ids})) OR "id" IN (SELECT "createdById" FROM "Article" WHERE "teamId" IN (${ids}))`
          : name === "SuggestionDismissal"
            ? `WHERE "articleId" IN (SELECT "id" FROM "Article" WHERE "teamId" IN (${ids}))`
            : "";
    const rows = await testDb.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}" ${scope}`);
    parts[name] = {
      size: await testDb.$queryRawUnsafe(
        testDatabaseKind === "sqlite"
          ? `SELECT count(*) AS count, max(rowid) AS last FROM "${name}"`
          : `SELECT count(*) AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
      ),
      rows: rows.map((row) => JSON.stringify(row, (_key, item) => (typeof item === "bigint" ? item.toString() : item))).sort(),
    };
  }
  return JSON.stringify(parts, (_key, item) => (typeof item === "bigint" ? item.toString() : item));
}

/** Only the rows of one team (no table sizes): what a call on the caller's own team may not touch. */
async function snapshotTeamRows(teamId: string): Promise<string> {
  const full = JSON.parse(await snapshot([teamId])) as Record<string, { rows: unknown }>;
  return JSON.stringify(Object.fromEntries(Object.entries(full).map(([table, { rows }]) => [table, rows])));
}

describe("the server actions on the list are the modules' exports", () => {
  it.each([...new Set(actions.map((entry) => entry.module))])("%s", async (module) => {
    const exported = Object.keys(await loadModule(module)).sort();
    const listed = actions.filter((entry) => entry.module === module).map((entry) => entry.name).sort();
    expect(exported).toEqual(listed);
  });
});

describe.each(actions)("$name ($access)", (entry) => {
  const isTeamAction = !isOutsideTeams(entry);
  let world: World;

  beforeAll(async () => {
    world = await seedWorld();
  });

  const refusedActors = ACTORS.filter((actor) => expectedRefusal(entry, actor));
  const allowedActors = ACTORS.filter((actor) => !expectedRefusal(entry, actor));

  if (refusedActors.length > 0) it(`refuses ${refusedActors.join(", ")} and changes nothing`, async () => {
    const teamIds = [world.home.team.id, world.other.team.id];
    for (const actor of refusedActors) {
      signInAs(world, actor);
      const before = await snapshot(teamIds);
      const outcome = await call(entry, buildInput(entry, world.home.objects));
      expect(outcome, `${actor}`).toMatchObject({ kind: "failed", code: expectedRefusal(entry, actor) });
      expect(await snapshot(teamIds), `${actor} changed the database`).toBe(before);
    }
  });

  it.each(allowedActors)("lets %s in", async (actor) => {
    // A fresh team each time: an allowed call changes things (deletes the claim, removes the member).
    // Actions outside a team work on a third team (its invitation), which no actor belongs to.
    const fresh = isTeamAction ? { home: await seedTeam(testDb, { label: "home" }) } : await seedWorld();
    const host = isTeamAction ? fresh.home : await seedTeam(testDb, { label: "host" });
    signInAs(fresh as World, actor);
    const forCaller = entry.prepareForCaller && session.user ? await entry.prepareForCaller(testDb, session.user) : {};
    const outcome = await call(entry, { ...buildInput(entry, host.objects), ...forCaller });
    expect(outcome, `${actor}: ${JSON.stringify(outcome)}`).toMatchObject({ kind: expect.stringMatching(/^(ok|redirect)$/) });
  });

  if (entry.access === "invitee") it("lets the account with the invited address in", async () => {
    const host = await seedTeam(testDb, { label: "host" });
    session.user = host.invitee;
    const outcome = await call(entry, buildInput(entry, host.objects));
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ kind: expect.stringMatching(/^(ok|redirect)$/) });
  });

  if (isTeamAction && listInputObjectKeys(entry, SAMPLE).length > 0) it("refuses another team's object ids under the caller's own team", async () => {
    const directions = [
      { who: "home owner", user: world.home.owner, own: world.home, victim: world.other },
      { who: "other team's owner", user: world.other.owner, own: world.other, victim: world.home },
    ];
    const teamIds = [world.home.team.id, world.other.team.id];
    for (const { who, user, own, victim } of directions) {
      session.user = user;
      for (const { label, input } of buildCrossTeamInputs(entry, own.objects, victim.objects)) {
        const [before, victimBefore] = [await snapshot(teamIds), await snapshotTeamRows(victim.team.id)];
        const outcome = await call(entry, { team: own.team.slug, ...input });
        const context = `${who} with ${label}: ${JSON.stringify(outcome)}`;
        expect(await snapshotTeamRows(victim.team.id), `${context} changed the other team's rows`).toBe(victimBefore);
        if (entry.skipsForeignIds && outcome.kind === "ok") {
          // It may go on for the caller's own ids, but nothing of the caller's team may now name the other team's objects.
          const ownRows = await snapshotTeamRows(own.team.id);
          for (const id of Object.values(input).flat()) {
            if (typeof id === "string" && Object.values(victim.objects).includes(id)) expect(ownRows, `${context} linked to ${id}`).not.toContain(id);
          }
          continue;
        }
        expect(outcome, context).toMatchObject({ kind: "failed", code: expect.stringMatching(/^(NOT_FOUND|INVALID_INPUT)$/) });
        expect(await snapshot(teamIds), `${context} changed the database`).toBe(before);
      }
    }
  });
});

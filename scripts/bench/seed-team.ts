import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import type { Role } from "../../lib/auth/roles";
import type { Db } from "../../lib/config/prisma-client";
import type { Prisma } from "../../lib/generated/prisma/client";

export const BENCH_PASSWORD = "factdesk-bench-password";
export const EDITOR_COUNT = 20;
const VIEWER_COUNT = 4;
const SOURCE_KINDS = [
  ["outlet", 120],
  ["document", 60],
  ["organisation", 30],
  ["person", 20],
  ["dataset", 10],
] as const;

export type Person = { id: string; email: string; name: string };
export type SourcePool = Record<(typeof SOURCE_KINDS)[number][0], string[]>;
export type BenchPeople = { teamId: string; slug: string; owner: Person; editors: Person[]; sources: SourcePool };

/**
 * The team with its members (an owner, 20 editors, 4 viewers, one password for all) and a
 * registry of 240 sources, written straight to the tables in one transaction.
 */
export async function seedTeam(db: Db): Promise<BenchPeople> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const teamId = randomUUID();
  const slug = "bench-desk";
  const person = (role: Role, index: number): Person & { role: Role } => {
    const label = `${role}-${String(index + 1).padStart(2, "0")}`;
    return { id: randomUUID(), email: `${label}@bench.factdesk.test`, name: `${capitalise(role)} ${index + 1}`, role };
  };
  const people = [
    person("owner", 0),
    ...Array.from({ length: EDITOR_COUNT }, (_, index) => person("editor", index)),
    ...Array.from({ length: VIEWER_COUNT }, (_, index) => person("viewer", index)),
  ];
  const sources: Prisma.SourceCreateManyInput[] = [];
  const pool = Object.fromEntries(SOURCE_KINDS.map(([kind]) => [kind, [] as string[]])) as SourcePool;
  for (const [kind, count] of SOURCE_KINDS) {
    for (let index = 0; index < count; index += 1) {
      const id = randomUUID();
      const name = `${capitalise(kind)} ${index + 1}`;
      pool[kind].push(id);
      sources.push({
        id, teamId, name, nameKey: name.toLowerCase(), kind, createdById: people[0].id,
        domains: kind === "outlet" ? JSON.stringify([`outlet-${index + 1}.example`]) : "[]",
        homepage: kind === "outlet" ? `https://outlet-${index + 1}.example/` : null,
        reliability: index % 4 === 0 ? "Reliable on official figures; check its sourcing on anything else." : null,
      });
    }
  }
  await db.$transaction([
    db.team.create({ data: { id: teamId, name: "Bench Desk", slug } }),
    db.user.createMany({ data: people.map(({ id, email, name }) => ({ id, email, name, passwordHash, lastTeamId: teamId, emailVerifiedAt: new Date(), emailVerifiedVia: "seed" })) }),
    db.membership.createMany({ data: people.map(({ id, role }) => ({ userId: id, teamId, role })) }),
    db.source.createMany({ data: sources }),
  ]);
  const [owner, ...rest] = people;
  return { teamId, slug, owner, editors: rest.filter((member) => member.role === "editor"), sources: pool };
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../../lib/config/prisma-client";
import { hashPassword } from "../../lib/auth/password";
import { createTeam } from "../../lib/teams/mutations";
import type { Role } from "../../lib/auth/roles";
import { E2E_DATABASE_URL } from "./constants";

/** The e2e server's database, opened by the test process to seed its own data and check results. */
export const db = createPrismaClient(E2E_DATABASE_URL);

export const TEST_PASSWORD = "correct horse battery";

/** A unique person with their own team (as its owner), so tests never share state. */
export async function createPersonWithTeam(label = "person") {
  const id = randomUUID().slice(0, 8);
  const user = await db.user.create({
    // Seeded as the demo seed is: verified, so it can sign in where mail is set up (as on the e2e server).
    data: {
      name: `${capitalise(label)} ${id}`,
      email: `${label}-${id}@e2e.test`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      emailVerifiedAt: new Date(),
      emailVerifiedVia: "seed",
    },
  });
  const team = await createTeam(db, { name: `Desk ${id}`, userId: user.id });
  return { user, team, email: user.email, password: TEST_PASSWORD };
}

/** Adds an existing user to a team with a role. */
export async function addMember(teamId: string, userId: string, role: Role) {
  return db.membership.create({ data: { teamId, userId, role } });
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Demo data: the team "Demo Newsroom" with an owner, an editor and a viewer, and the fixture
 * article as its first article. Safe to run again: what exists is left as it is.
 */
import fs from "node:fs";
import path from "node:path";
import { loadLocalEnv } from "../lib/config/load-env";
import { createPrismaClient } from "../lib/config/prisma-client";
import { hashPassword } from "../lib/auth/password";
import { DEMO_ARTICLE, DEMO_PASSWORD, DEMO_TEAM, DEMO_USERS } from "./demo-data";
import { importDemoArticle } from "./seed-article";
import { traceDemoArticle } from "./seed-verification";

loadLocalEnv();
const db = createPrismaClient(process.env.DATABASE_URL!);

async function seed() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users = await Promise.all(
    DEMO_USERS.map((user) =>
      db.user.upsert({
        where: { email: user.email },
        update: {},
        // Demo addresses at a reserved domain: nobody can receive mail there, so the seed vouches for them.
        create: { email: user.email, name: user.name, passwordHash, emailVerifiedAt: new Date(), emailVerifiedVia: "seed" },
      }),
    ),
  );
  const team =
    (await db.team.findUnique({ where: { slug: DEMO_TEAM.slug } })) ??
    (await db.team.create({ data: { name: DEMO_TEAM.name, slug: DEMO_TEAM.slug } }));
  for (const [index, user] of users.entries()) {
    await db.membership.upsert({
      where: { userId_teamId: { userId: user.id, teamId: team.id } },
      update: {},
      create: { userId: user.id, teamId: team.id, role: DEMO_USERS[index].role },
    });
  }
  const bytes = fs.readFileSync(path.join(import.meta.dirname, "fixtures", DEMO_ARTICLE.file));
  const articleId = await importDemoArticle(db, { teamId: team.id, userId: users[0].id, bytes });
  await traceDemoArticle(db, { teamId: team.id, articleId, userIds: users.map((user) => user.id) });
}

seed()
  .then(() => console.log(`Seeded ${DEMO_TEAM.name}: ${DEMO_USERS.map((user) => user.email).join(", ")}`))
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());

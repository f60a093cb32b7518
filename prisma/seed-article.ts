import { createHash } from "node:crypto";
import type { Db } from "../lib/config/prisma-client";
import { DEMO_ARTICLE } from "./demo-data";

/** Imports the fixture as the team's first article unless it is there already. */
export async function importDemoArticle(db: Db, input: { teamId: string; userId: string; text: string }) {
  const text = input.text.replace(/\r\n?/g, "\n").trim();
  const contentHash = createHash("sha256").update(text).digest("hex");
  const existing = await db.articleVersion.findFirst({ where: { teamId: input.teamId, contentHash }, select: { id: true } });
  if (existing) return;
  const title = text.split("\n")[0].trim();
  const body = text.slice(text.indexOf("\n") + 1).trim();
  await db.article.create({
    data: {
      teamId: input.teamId,
      title,
      outlet: DEMO_ARTICLE.outlet,
      createdById: input.userId,
      versions: { create: { number: 1, text: body, contentHash, teamId: input.teamId, createdById: input.userId } },
    },
  });
}

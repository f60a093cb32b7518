import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { loadLocalEnv } from "./lib/config/load-env";
import { resolveSqlitePath } from "./lib/config/database-url";

// With a config file Prisma loads no .env itself: read .env.local / .env, then default the URL.
loadLocalEnv();

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaBetterSQLite3({ url: resolveSqlitePath(process.env.DATABASE_URL!) });
  },
});

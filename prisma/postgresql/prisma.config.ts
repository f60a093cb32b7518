import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// For `prisma generate` and `prisma validate` of the derived PostgreSQL schema only (run from the
// repo root: `prisma generate --config prisma/postgresql/prisma.config.ts`). Both need an adapter
// of the schema's provider and never connect. Migrations of PostgreSQL are applied by
// scripts/lib/migrate.ts through the pg driver (see docs/decisions/0011-two-databases-one-schema.md).
process.env.DATABASE_URL ??= "postgresql://localhost/factdesk";

export default defineConfig({
  schema: path.join(import.meta.dirname, "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});

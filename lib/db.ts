import "server-only";
import { createPrismaClient, type Db } from "@/lib/config/prisma-client";
import { getEnv } from "@/lib/env";

// One client per server process; kept on globalThis so dev-mode reloads do not open new ones.
const globalForDb = globalThis as unknown as { factdeskDb?: Db };

const env = getEnv();
export const db: Db = globalForDb.factdeskDb ?? createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
if (process.env.NODE_ENV !== "production") globalForDb.factdeskDb = db;

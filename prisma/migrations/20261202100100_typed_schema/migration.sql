-- Issue 13: enums (stored as text on SQLite, where the client checks them), the merged-source
-- pointer and a citation's source as foreign keys within the team, and history kept when a claim
-- is deleted. Written by prisma migrate diff from the schema before and after.

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClaimEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromValue" TEXT,
    "toValue" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ClaimEvent_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE NO ACTION ON UPDATE CASCADE,
    CONSTRAINT "ClaimEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ClaimEvent" ("actorId", "claimId", "createdAt", "fromValue", "id", "note", "teamId", "toValue", "type") SELECT "actorId", "claimId", "createdAt", "fromValue", "id", "note", "teamId", "toValue", "type" FROM "ClaimEvent";
DROP TABLE "ClaimEvent";
ALTER TABLE "new_ClaimEvent" RENAME TO "ClaimEvent";
CREATE INDEX "ClaimEvent_claimId_createdAt_idx" ON "ClaimEvent"("claimId", "createdAt");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "homepage" TEXT,
    "domains" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "reliability" TEXT,
    "mergedIntoId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Source_teamId_mergedIntoId_fkey" FOREIGN KEY ("teamId", "mergedIntoId") REFERENCES "Source" ("teamId", "id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("createdAt", "createdById", "domains", "homepage", "id", "kind", "mergedIntoId", "name", "nameKey", "notes", "reliability", "revision", "teamId", "updatedAt") SELECT "createdAt", "createdById", "domains", "homepage", "id", "kind", "mergedIntoId", "name", "nameKey", "notes", "reliability", "revision", "teamId", "updatedAt" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_teamId_nameKey_idx" ON "Source"("teamId", "nameKey");
CREATE INDEX "Source_teamId_mergedIntoId_name_idx" ON "Source"("teamId", "mergedIntoId", "name");
CREATE UNIQUE INDEX "Source_teamId_id_key" ON "Source"("teamId", "id");
CREATE TABLE "new_Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "url" TEXT,
    "passage" TEXT,
    "accessedAt" DATETIME,
    "archiveUrl" TEXT,
    "relation" TEXT NOT NULL,
    "viaCitationId" TEXT,
    "isOrigin" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "captureState" TEXT,
    "capturedAt" DATETIME,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Citation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_teamId_sourceId_fkey" FOREIGN KEY ("teamId", "sourceId") REFERENCES "Source" ("teamId", "id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_viaCitationId_fkey" FOREIGN KEY ("viaCitationId") REFERENCES "Citation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Citation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("accessedAt", "archiveUrl", "captureState", "capturedAt", "claimId", "createdAt", "createdById", "deletedAt", "id", "isOrigin", "note", "passage", "relation", "revision", "sourceId", "teamId", "updatedAt", "url", "viaCitationId") SELECT "accessedAt", "archiveUrl", "captureState", "capturedAt", "claimId", "createdAt", "createdById", "deletedAt", "id", "isOrigin", "note", "passage", "relation", "revision", "sourceId", "teamId", "updatedAt", "url", "viaCitationId" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_claimId_deletedAt_idx" ON "Citation"("claimId", "deletedAt");
CREATE INDEX "Citation_teamId_sourceId_idx" ON "Citation"("teamId", "sourceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

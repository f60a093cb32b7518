-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "verdictLabels" TEXT NOT NULL DEFAULT '{}',
    "verificationRules" TEXT NOT NULL DEFAULT '{}',
    "verificationRevision" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Team" ("createdAt", "id", "name", "slug", "verdictLabels", "verificationRules") SELECT "createdAt", "id", "name", "slug", "verdictLabels", "verificationRules" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


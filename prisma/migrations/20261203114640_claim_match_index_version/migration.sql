-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClaimMatchTotal" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "claims" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ClaimMatchTotal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ClaimMatchTotal" ("claims", "length", "teamId") SELECT "claims", "length", "teamId" FROM "ClaimMatchTotal";
DROP TABLE "ClaimMatchTotal";
ALTER TABLE "new_ClaimMatchTotal" RENAME TO "ClaimMatchTotal";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

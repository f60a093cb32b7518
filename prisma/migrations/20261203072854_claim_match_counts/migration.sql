-- CreateTable
CREATE TABLE "ClaimMatchTermCount" (
    "teamId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "claims" INTEGER NOT NULL,

    PRIMARY KEY ("teamId", "term"),
    CONSTRAINT "ClaimMatchTermCount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimMatchTotal" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "claims" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,
    CONSTRAINT "ClaimMatchTotal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Counts of what the index already holds (claims filed before the counts were kept).
INSERT INTO "ClaimMatchTermCount" ("teamId", "term", "claims")
SELECT "teamId", "term", COUNT(*) FROM "ClaimMatchTerm" GROUP BY "teamId", "term";

INSERT INTO "ClaimMatchTotal" ("teamId", "claims", "length")
SELECT "teamId", COUNT(*), SUM("length") FROM "ClaimMatchEntry" GROUP BY "teamId";

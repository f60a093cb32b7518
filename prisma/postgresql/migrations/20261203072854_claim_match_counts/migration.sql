-- CreateTable
CREATE TABLE "ClaimMatchTermCount" (
    "teamId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "claims" INTEGER NOT NULL,

    CONSTRAINT "ClaimMatchTermCount_pkey" PRIMARY KEY ("teamId","term")
);

-- CreateTable
CREATE TABLE "ClaimMatchTotal" (
    "teamId" TEXT NOT NULL,
    "claims" INTEGER NOT NULL,
    "length" INTEGER NOT NULL,

    CONSTRAINT "ClaimMatchTotal_pkey" PRIMARY KEY ("teamId")
);

-- AddForeignKey
ALTER TABLE "ClaimMatchTermCount" ADD CONSTRAINT "ClaimMatchTermCount_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMatchTotal" ADD CONSTRAINT "ClaimMatchTotal_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counts of what the index already holds (claims filed before the counts were kept).
INSERT INTO "ClaimMatchTermCount" ("teamId", "term", "claims")
SELECT "teamId", "term", COUNT(*) FROM "ClaimMatchTerm" GROUP BY "teamId", "term";

INSERT INTO "ClaimMatchTotal" ("teamId", "claims", "length")
SELECT "teamId", COUNT(*), SUM("length") FROM "ClaimMatchEntry" GROUP BY "teamId";

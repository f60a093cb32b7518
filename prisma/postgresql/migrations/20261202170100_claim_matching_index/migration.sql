-- CreateTable
CREATE TABLE "ClaimMatchEntry" (
    "claimId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "length" INTEGER NOT NULL,

    CONSTRAINT "ClaimMatchEntry_pkey" PRIMARY KEY ("claimId")
);

-- CreateTable
CREATE TABLE "ClaimMatchTerm" (
    "teamId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,

    CONSTRAINT "ClaimMatchTerm_pkey" PRIMARY KEY ("teamId","term","claimId")
);

-- CreateIndex
CREATE INDEX "ClaimMatchEntry_teamId_length_idx" ON "ClaimMatchEntry"("teamId", "length");

-- CreateIndex
CREATE INDEX "ClaimMatchTerm_claimId_idx" ON "ClaimMatchTerm"("claimId");

-- AddForeignKey
ALTER TABLE "ClaimMatchEntry" ADD CONSTRAINT "ClaimMatchEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMatchEntry" ADD CONSTRAINT "ClaimMatchEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMatchTerm" ADD CONSTRAINT "ClaimMatchTerm_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimMatchTerm" ADD CONSTRAINT "ClaimMatchTerm_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

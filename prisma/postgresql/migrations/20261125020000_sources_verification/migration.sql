-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "verdictLabels" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "verificationRules" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "rationale" TEXT,
ADD COLUMN     "signedOffAt" TIMESTAMP(3),
ADD COLUMN     "signedOffById" TEXT,
ADD COLUMN     "verdict" TEXT,
ADD COLUMN     "verdictAt" TIMESTAMP(3),
ADD COLUMN     "verdictById" TEXT;

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "url" TEXT,
    "passage" TEXT,
    "accessedAt" TIMESTAMP(3),
    "archiveUrl" TEXT,
    "relation" TEXT NOT NULL,
    "viaCitationId" TEXT,
    "isOrigin" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "captureState" TEXT,
    "capturedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCapture" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "citationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "finalUrl" TEXT,
    "httpStatus" INTEGER,
    "contentType" TEXT,
    "text" TEXT,
    "sha256" TEXT,
    "passageState" TEXT NOT NULL,
    "passageScore" DOUBLE PRECISION,
    "error" TEXT,
    "fetchedById" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceCapture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimComment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Source_teamId_nameKey_idx" ON "Source"("teamId", "nameKey");

-- CreateIndex
CREATE INDEX "Source_teamId_mergedIntoId_name_idx" ON "Source"("teamId", "mergedIntoId", "name");

-- CreateIndex
CREATE INDEX "Citation_claimId_deletedAt_idx" ON "Citation"("claimId", "deletedAt");

-- CreateIndex
CREATE INDEX "Citation_teamId_sourceId_idx" ON "Citation"("teamId", "sourceId");

-- CreateIndex
CREATE INDEX "SourceCapture_citationId_fetchedAt_idx" ON "SourceCapture"("citationId", "fetchedAt");

-- CreateIndex
CREATE INDEX "ClaimComment_claimId_createdAt_idx" ON "ClaimComment"("claimId", "createdAt");

-- CreateIndex
CREATE INDEX "Claim_teamId_assigneeId_deletedAt_idx" ON "Claim"("teamId", "assigneeId", "deletedAt");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_verdictById_fkey" FOREIGN KEY ("verdictById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_viaCitationId_fkey" FOREIGN KEY ("viaCitationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "Citation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_fetchedById_fkey" FOREIGN KEY ("fetchedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimComment" ADD CONSTRAINT "ClaimComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


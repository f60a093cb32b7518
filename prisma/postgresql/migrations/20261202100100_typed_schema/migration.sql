-- Issue 13: closed vocabularies become enums, enforced by PostgreSQL. Written by prisma migrate
-- diff, then edited by hand: Prisma drops and re-adds a column whose type changes, which would
-- lose every value; here each column is converted in place (USING), keeping its rows and indexes.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'editor', 'viewer');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('unchecked', 'in_progress', 'needs_review', 'done');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('accurate', 'misleading', 'false', 'unsubstantiated', 'not_checkable');

-- CreateEnum
CREATE TYPE "AnchorState" AS ENUM ('anchored', 'moved', 'changed', 'lost');

-- CreateEnum
CREATE TYPE "ClaimEventType" AS ENUM ('created', 'edited', 'split', 'merged', 'reordered', 'deleted', 'restored', 'reanchored', 'status_changed', 'citation_added', 'citation_edited', 'citation_removed', 'citation_captured', 'verdict_given', 'verdict_signed_off', 'sign_off_withdrawn', 'verdict_withdrawn', 'assigned', 'commented');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('outlet', 'person', 'document', 'organisation', 'dataset');

-- CreateEnum
CREATE TYPE "CitationRelation" AS ENUM ('states', 'corroborates', 'contradicts', 'context');

-- CreateEnum
CREATE TYPE "CaptureState" AS ENUM ('found', 'fuzzy', 'missing', 'changed', 'vanished', 'unreachable', 'no_passage');

-- CreateEnum
CREATE TYPE "PassageState" AS ENUM ('found', 'fuzzy', 'missing', 'no_passage', 'failed');

-- CreateEnum
CREATE TYPE "EmailProof" AS ENUM ('mail', 'sso', 'operator', 'seed', 'owner');

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('verify_email', 'reset_password');

-- CreateEnum
CREATE TYPE "TokenDelivery" AS ENUM ('mail', 'operator');

-- DropForeignKey
ALTER TABLE "ClaimEvent" DROP CONSTRAINT "ClaimEvent_claimId_fkey";

-- DropForeignKey
ALTER TABLE "Citation" DROP CONSTRAINT "Citation_sourceId_fkey";

-- AlterTable: text to enum, in place
ALTER TABLE "User" ALTER COLUMN "emailVerifiedVia" TYPE "EmailProof" USING ("emailVerifiedVia"::"EmailProof");
ALTER TABLE "AccountToken"
  ALTER COLUMN "purpose" TYPE "AccountTokenPurpose" USING ("purpose"::"AccountTokenPurpose"),
  ALTER COLUMN "via" TYPE "TokenDelivery" USING ("via"::"TokenDelivery");
ALTER TABLE "Membership" ALTER COLUMN "role" TYPE "Role" USING ("role"::"Role");
ALTER TABLE "Invitation" ALTER COLUMN "role" TYPE "Role" USING ("role"::"Role");
ALTER TABLE "Claim"
  ALTER COLUMN "anchorState" DROP DEFAULT,
  ALTER COLUMN "anchorState" TYPE "AnchorState" USING ("anchorState"::"AnchorState"),
  ALTER COLUMN "anchorState" SET DEFAULT 'anchored',
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "ClaimStatus" USING ("status"::"ClaimStatus"),
  ALTER COLUMN "status" SET DEFAULT 'unchecked',
  ALTER COLUMN "verdict" TYPE "Verdict" USING ("verdict"::"Verdict");
ALTER TABLE "ClaimEvent" ALTER COLUMN "type" TYPE "ClaimEventType" USING ("type"::"ClaimEventType");
ALTER TABLE "Source" ALTER COLUMN "kind" TYPE "SourceKind" USING ("kind"::"SourceKind");
ALTER TABLE "Citation"
  ALTER COLUMN "relation" TYPE "CitationRelation" USING ("relation"::"CitationRelation"),
  ALTER COLUMN "captureState" TYPE "CaptureState" USING ("captureState"::"CaptureState");
ALTER TABLE "SourceCapture" ALTER COLUMN "passageState" TYPE "PassageState" USING ("passageState"::"PassageState");

-- CreateIndex
CREATE UNIQUE INDEX "Source_teamId_id_key" ON "Source"("teamId", "id");

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_teamId_mergedIntoId_fkey" FOREIGN KEY ("teamId", "mergedIntoId") REFERENCES "Source"("teamId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_teamId_sourceId_fkey" FOREIGN KEY ("teamId", "sourceId") REFERENCES "Source"("teamId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "SourceCapture" ADD COLUMN "comparedWording" TEXT;
ALTER TABLE "SourceCapture" ADD COLUMN "passageWording" TEXT;

-- AlterTable
ALTER TABLE "SourceCapture" ADD COLUMN     "comparedWording" TEXT,
ADD COLUMN     "passageWording" TEXT;

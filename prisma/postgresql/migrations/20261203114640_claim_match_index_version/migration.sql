-- AlterTable
ALTER TABLE "ClaimMatchTotal" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "signedOffDigest" TEXT;


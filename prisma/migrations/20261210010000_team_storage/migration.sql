-- AlterTable (a column added at the end is what Prisma's table rebuild would make, without the copy)
ALTER TABLE "Team" ADD COLUMN "storageBytes" BIGINT NOT NULL DEFAULT 0;

-- What each team already stores counts against its quota: article versions and captured pages, in UTF-8 bytes.
UPDATE "Team" SET "storageBytes" =
    COALESCE((SELECT SUM(LENGTH(CAST("text" AS BLOB))) FROM "ArticleVersion" WHERE "ArticleVersion"."teamId" = "Team"."id"), 0) +
    COALESCE((SELECT SUM(LENGTH(CAST("text" AS BLOB))) FROM "SourceCapture" WHERE "SourceCapture"."teamId" = "Team"."id" AND "text" IS NOT NULL), 0);

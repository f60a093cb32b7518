-- CreateTable
CREATE TABLE "ArticleCapture" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "versionId" TEXT,
    "url" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "pageSha256" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "fetchedById" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleCapture_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleCapture_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleCapture_fetchedById_fkey" FOREIGN KEY ("fetchedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleCapture_versionId_key" ON "ArticleCapture"("versionId");

-- CreateIndex
CREATE INDEX "ArticleCapture_teamId_fetchedAt_idx" ON "ArticleCapture"("teamId", "fetchedAt");

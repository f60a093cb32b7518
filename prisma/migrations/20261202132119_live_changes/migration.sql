-- CreateTable
CREATE TABLE "LiveChange" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "txid" BIGINT,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT,
    "claimId" TEXT,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveChange_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LiveChange_teamId_txid_seq_idx" ON "LiveChange"("teamId", "txid", "seq");

-- CreateIndex
CREATE INDEX "LiveChange_createdAt_idx" ON "LiveChange"("createdAt");

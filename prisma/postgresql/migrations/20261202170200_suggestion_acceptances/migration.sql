-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "suggestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SuggestionAcceptance" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "sentenceHash" TEXT NOT NULL,
    "claimId" TEXT,
    "acceptedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionAcceptance_articleId_sentenceHash_key" ON "SuggestionAcceptance"("articleId", "sentenceHash");

-- AddForeignKey
ALTER TABLE "SuggestionAcceptance" ADD CONSTRAINT "SuggestionAcceptance_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAcceptance" ADD CONSTRAINT "SuggestionAcceptance_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionAcceptance" ADD CONSTRAINT "SuggestionAcceptance_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

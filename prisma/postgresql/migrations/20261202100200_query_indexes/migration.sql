-- CreateIndex
CREATE INDEX "Claim_teamId_createdAt_idx" ON "Claim"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "ClaimEvent_teamId_type_createdAt_idx" ON "ClaimEvent"("teamId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "Citation_viaCitationId_idx" ON "Citation"("viaCitationId");

-- CreateIndex
CREATE INDEX "Goal_conversationId_idx" ON "Goal"("conversationId");

-- CreateIndex
CREATE INDEX "Agreement_goalId_idx" ON "Agreement"("goalId");

-- CreateIndex
CREATE INDEX "Agreement_conversationId_idx" ON "Agreement"("conversationId");


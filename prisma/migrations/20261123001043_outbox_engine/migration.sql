-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "sendStartedAt" DATETIME;

-- CreateTable
CREATE TABLE "OutboxWorker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "heartbeatAt" DATETIME NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "OutboxWorker_heartbeatAt_idx" ON "OutboxWorker"("heartbeatAt");


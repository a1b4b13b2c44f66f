-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "sendStartedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OutboxWorker" (
    "id" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxWorker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxWorker_heartbeatAt_idx" ON "OutboxWorker"("heartbeatAt");


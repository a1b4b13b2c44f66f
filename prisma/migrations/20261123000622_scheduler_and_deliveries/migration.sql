-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "channel" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "reportedAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "subjectId" TEXT;

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ReminderPreference_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcessedDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderPreference_staffId_kind_key" ON "ReminderPreference"("staffId", "kind");

-- CreateIndex
CREATE INDEX "ProcessedDelivery_createdAt_idx" ON "ProcessedDelivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessedDelivery_channel_key_key" ON "ProcessedDelivery"("channel", "key");

-- CreateIndex
CREATE INDEX "OutboxMessage_subjectId_idx" ON "OutboxMessage"("subjectId");


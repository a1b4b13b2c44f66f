-- DropIndex
DROP INDEX "ProcessedDelivery_channel_key_key";

-- DropIndex
DROP INDEX "DialogSession_status_updatedAt_idx";

-- AlterTable
ALTER TABLE "ProcessedDelivery" DROP CONSTRAINT "ProcessedDelivery_pkey",
DROP COLUMN "id",
ADD CONSTRAINT "ProcessedDelivery_pkey" PRIMARY KEY ("channel", "key");

-- CreateIndex
CREATE INDEX "DialogSession_schoolId_status_idx" ON "DialogSession"("schoolId", "status");


-- DropIndex
DROP INDEX "DialogSession_status_updatedAt_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProcessedDelivery" (
    "channel" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("channel", "key")
);
INSERT INTO "new_ProcessedDelivery" ("channel", "createdAt", "key") SELECT "channel", "createdAt", "key" FROM "ProcessedDelivery";
DROP TABLE "ProcessedDelivery";
ALTER TABLE "new_ProcessedDelivery" RENAME TO "ProcessedDelivery";
CREATE INDEX "ProcessedDelivery_createdAt_idx" ON "ProcessedDelivery"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DialogSession_schoolId_status_idx" ON "DialogSession"("schoolId", "status");


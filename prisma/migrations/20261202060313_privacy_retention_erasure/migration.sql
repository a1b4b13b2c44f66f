-- AlterTable
ALTER TABLE "Pupil" ADD COLUMN "retentionNoticeAt" DATETIME;

-- AlterTable
ALTER TABLE "FileLink" ADD COLUMN "pupilId" TEXT;

-- CreateTable
CREATE TABLE "ErasureReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "actorStaffId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "counts" TEXT NOT NULL,
    "erasedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
    "schoolDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "dayStart" TEXT NOT NULL DEFAULT '08:30',
    "dayEnd" TEXT NOT NULL DEFAULT '15:00',
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "pupilRetentionMonths" INTEGER NOT NULL DEFAULT 24,
    "auditRetentionMonths" INTEGER NOT NULL DEFAULT 24,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_School" ("createdAt", "dayEnd", "dayStart", "id", "locale", "name", "schoolDays", "timezone", "updatedAt") SELECT "createdAt", "dayEnd", "dayStart", "id", "locale", "name", "schoolDays", "timezone", "updatedAt" FROM "School";
DROP TABLE "School";
ALTER TABLE "new_School" RENAME TO "School";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ErasureReceipt_schoolId_erasedAt_idx" ON "ErasureReceipt"("schoolId", "erasedAt");


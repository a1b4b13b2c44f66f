-- AlterTable
ALTER TABLE "SchoolClosure" ADD COLUMN "schoolYear" TEXT;

-- CreateTable
CREATE TABLE "SchoolHolidayConfirmation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "confirmedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolHolidayConfirmation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "schoolYearStart" TEXT NOT NULL DEFAULT '08-01',
    "holidayRegion" TEXT,
    "openPublicHolidays" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_School" ("auditRetentionMonths", "createdAt", "dayEnd", "dayStart", "id", "locale", "name", "pupilRetentionMonths", "schoolDays", "schoolYearStart", "timezone", "updatedAt") SELECT "auditRetentionMonths", "createdAt", "dayEnd", "dayStart", "id", "locale", "name", "pupilRetentionMonths", "schoolDays", "schoolYearStart", "timezone", "updatedAt" FROM "School";
DROP TABLE "School";
ALTER TABLE "new_School" RENAME TO "School";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SchoolHolidayConfirmation_schoolId_schoolYear_key" ON "SchoolHolidayConfirmation"("schoolId", "schoolYear");


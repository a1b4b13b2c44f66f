-- CreateTable
CREATE TABLE "Board" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "boardId" TEXT,
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
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "School_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_School" ("auditRetentionMonths", "createdAt", "dayEnd", "dayStart", "holidayRegion", "id", "locale", "name", "openPublicHolidays", "pupilRetentionMonths", "schoolDays", "schoolYearStart", "timezone", "updatedAt") SELECT "auditRetentionMonths", "createdAt", "dayEnd", "dayStart", "holidayRegion", "id", "locale", "name", "openPublicHolidays", "pupilRetentionMonths", "schoolDays", "schoolYearStart", "timezone", "updatedAt" FROM "School";
DROP TABLE "School";
ALTER TABLE "new_School" RENAME TO "School";
CREATE INDEX "School_boardId_idx" ON "School"("boardId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Board_name_key" ON "Board"("name");


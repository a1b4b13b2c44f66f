-- CreateTable
CREATE TABLE "SchoolFormatDefault" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "bouw" TEXT NOT NULL,
    "formatKey" TEXT NOT NULL,
    CONSTRAINT "SchoolFormatDefault_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DialogSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "pupilId" TEXT,
    "groupId" TEXT,
    "conversationId" TEXT,
    "formatKey" TEXT,
    "formatVersion" INTEGER,
    "stepId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "rawInputs" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DialogSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "pupilId" TEXT,
    "groupId" TEXT,
    "roundId" TEXT,
    "formatKey" TEXT NOT NULL,
    "formatVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "plannedAt" DATETIME,
    "place" TEXT,
    "durationMinutes" INTEGER,
    "preparation" TEXT NOT NULL DEFAULT '{}',
    "answers" TEXT NOT NULL DEFAULT '{}',
    "skills" TEXT NOT NULL DEFAULT '[]',
    "heldAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_pupilId_fkey" FOREIGN KEY ("pupilId") REFERENCES "Pupil" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Conversation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Conversation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Conversation" ("answers", "createdAt", "createdById", "durationMinutes", "formatKey", "formatVersion", "heldAt", "id", "place", "plannedAt", "preparation", "pupilId", "roundId", "schoolId", "status", "updatedAt") SELECT "answers", "createdAt", "createdById", "durationMinutes", "formatKey", "formatVersion", "heldAt", "id", "place", "plannedAt", "preparation", "pupilId", "roundId", "schoolId", "status", "updatedAt" FROM "Conversation";
DROP TABLE "Conversation";
ALTER TABLE "new_Conversation" RENAME TO "Conversation";
CREATE INDEX "Conversation_pupilId_status_idx" ON "Conversation"("pupilId", "status");
CREATE INDEX "Conversation_groupId_status_idx" ON "Conversation"("groupId", "status");
CREATE INDEX "Conversation_schoolId_status_idx" ON "Conversation"("schoolId", "status");
CREATE INDEX "Conversation_roundId_idx" ON "Conversation"("roundId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SchoolFormatDefault_schoolId_bouw_key" ON "SchoolFormatDefault"("schoolId", "bouw");

-- CreateIndex
CREATE INDEX "DialogSession_staffId_status_idx" ON "DialogSession"("staffId", "status");


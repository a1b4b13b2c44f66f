-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SchoolClosure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolClosure_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SchoolClosure" ("endDate", "id", "kind", "name", "schoolId", "startDate") SELECT "endDate", "id", "kind", "name", "schoolId", "startDate" FROM "SchoolClosure";
DROP TABLE "SchoolClosure";
ALTER TABLE "new_SchoolClosure" RENAME TO "SchoolClosure";
CREATE INDEX "SchoolClosure_schoolId_startDate_idx" ON "SchoolClosure"("schoolId", "startDate");
CREATE TABLE "new_Group" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bouw" TEXT NOT NULL,
    "yearLevels" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "formatKey" TEXT,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Group_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Group" ("bouw", "formatKey", "id", "name", "schoolId", "schoolYear", "yearLevels") SELECT "bouw", "formatKey", "id", "name", "schoolId", "schoolYear", "yearLevels" FROM "Group";
DROP TABLE "Group";
ALTER TABLE "new_Group" RENAME TO "Group";
CREATE UNIQUE INDEX "Group_schoolId_schoolYear_name_key" ON "Group"("schoolId", "schoolYear", "name");
CREATE TABLE "new_GroupTeacher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "groupId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "workingDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "GroupTeacher_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "GroupTeacher_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_GroupTeacher" ("groupId", "id", "staffId", "workingDays") SELECT "groupId", "id", "staffId", "workingDays" FROM "GroupTeacher";
DROP TABLE "GroupTeacher";
ALTER TABLE "new_GroupTeacher" RENAME TO "GroupTeacher";
CREATE INDEX "GroupTeacher_staffId_idx" ON "GroupTeacher"("staffId");
CREATE UNIQUE INDEX "GroupTeacher_groupId_staffId_key" ON "GroupTeacher"("groupId", "staffId");
CREATE TABLE "new_ConversationTeacher" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationTeacher_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationTeacher_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ConversationTeacher" ("conversationId", "id", "staffId") SELECT "conversationId", "id", "staffId" FROM "ConversationTeacher";
DROP TABLE "ConversationTeacher";
ALTER TABLE "new_ConversationTeacher" RENAME TO "ConversationTeacher";
CREATE INDEX "ConversationTeacher_staffId_idx" ON "ConversationTeacher"("staffId");
CREATE UNIQUE INDEX "ConversationTeacher_conversationId_staffId_key" ON "ConversationTeacher"("conversationId", "staffId");
CREATE TABLE "new_RoundGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RoundGroup_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RoundGroup" ("groupId", "id", "roundId") SELECT "groupId", "id", "roundId" FROM "RoundGroup";
DROP TABLE "RoundGroup";
ALTER TABLE "new_RoundGroup" RENAME TO "RoundGroup";
CREATE UNIQUE INDEX "RoundGroup_roundId_groupId_key" ON "RoundGroup"("roundId", "groupId");
CREATE TABLE "new_ReminderPreference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "muted" BOOLEAN NOT NULL DEFAULT false,
    "snoozedUntil" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderPreference_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReminderPreference" ("enabled", "id", "kind", "muted", "snoozedUntil", "staffId") SELECT "enabled", "id", "kind", "muted", "snoozedUntil", "staffId" FROM "ReminderPreference";
DROP TABLE "ReminderPreference";
ALTER TABLE "new_ReminderPreference" RENAME TO "ReminderPreference";
CREATE UNIQUE INDEX "ReminderPreference_staffId_kind_key" ON "ReminderPreference"("staffId", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


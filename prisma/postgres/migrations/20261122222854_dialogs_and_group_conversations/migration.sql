-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "groupId" TEXT,
ADD COLUMN     "skills" TEXT NOT NULL DEFAULT '[]',
ALTER COLUMN "pupilId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SchoolFormatDefault" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "bouw" TEXT NOT NULL,
    "formatKey" TEXT NOT NULL,

    CONSTRAINT "SchoolFormatDefault_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogSession" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SchoolFormatDefault_schoolId_bouw_key" ON "SchoolFormatDefault"("schoolId", "bouw");

-- CreateIndex
CREATE INDEX "DialogSession_staffId_status_idx" ON "DialogSession"("staffId", "status");

-- CreateIndex
CREATE INDEX "Conversation_groupId_status_idx" ON "Conversation"("groupId", "status");

-- AddForeignKey
ALTER TABLE "SchoolFormatDefault" ADD CONSTRAINT "SchoolFormatDefault_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogSession" ADD CONSTRAINT "DialogSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;


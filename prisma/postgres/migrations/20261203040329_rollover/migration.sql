-- AlterTable
ALTER TABLE "School" ADD COLUMN     "schoolYearStart" TEXT NOT NULL DEFAULT '08-01';

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "handedOverAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StagedPlacement" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "teacherEmails" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StagedPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StagedPlacement_schoolId_schoolYear_externalId_key" ON "StagedPlacement"("schoolId", "schoolYear", "externalId");

-- AddForeignKey
ALTER TABLE "StagedPlacement" ADD CONSTRAINT "StagedPlacement_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;


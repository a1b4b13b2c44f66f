-- AlterTable
ALTER TABLE "School" ADD COLUMN     "holidayRegion" TEXT,
ADD COLUMN     "openPublicHolidays" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "SchoolClosure" ADD COLUMN     "schoolYear" TEXT;

-- CreateTable
CREATE TABLE "SchoolHolidayConfirmation" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolYear" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "dataVersion" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolHolidayConfirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SchoolHolidayConfirmation_schoolId_schoolYear_key" ON "SchoolHolidayConfirmation"("schoolId", "schoolYear");

-- AddForeignKey
ALTER TABLE "SchoolHolidayConfirmation" ADD CONSTRAINT "SchoolHolidayConfirmation_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "School" ADD COLUMN     "auditRetentionMonths" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "pupilRetentionMonths" INTEGER NOT NULL DEFAULT 24;

-- AlterTable
ALTER TABLE "Pupil" ADD COLUMN     "retentionNoticeAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "FileLink" ADD COLUMN     "pupilId" TEXT;

-- CreateTable
CREATE TABLE "ErasureReceipt" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "actorStaffId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "counts" TEXT NOT NULL,
    "erasedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasureReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ErasureReceipt_schoolId_erasedAt_idx" ON "ErasureReceipt"("schoolId", "erasedAt");


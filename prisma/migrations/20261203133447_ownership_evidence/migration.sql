-- AlterTable
ALTER TABLE "Goal" ADD COLUMN "approachBy" TEXT;
ALTER TABLE "Goal" ADD COLUMN "setBy" TEXT;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN "assessedBy" TEXT;


-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "approachBy" TEXT,
ADD COLUMN     "setBy" TEXT;

-- AlterTable
ALTER TABLE "Evaluation" ADD COLUMN     "assessedBy" TEXT;


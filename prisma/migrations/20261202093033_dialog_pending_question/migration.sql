-- AlterTable
ALTER TABLE "DialogSession" ADD COLUMN "pending" TEXT;


-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "conversationMode" TEXT;


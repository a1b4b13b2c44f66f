-- CreateTable
CREATE TABLE "OutboxPrunedCount" (
    "schoolId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "OutboxPrunedCount_pkey" PRIMARY KEY ("schoolId","kind","status")
);

-- CreateIndex
CREATE INDEX "DialogSession_status_updatedAt_idx" ON "DialogSession"("status", "updatedAt");

-- AddForeignKey
ALTER TABLE "OutboxPrunedCount" ADD CONSTRAINT "OutboxPrunedCount_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateTable
CREATE TABLE "OutboxPrunedCount" (
    "schoolId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("schoolId", "kind", "status"),
    CONSTRAINT "OutboxPrunedCount_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DialogSession_status_updatedAt_idx" ON "DialogSession"("status", "updatedAt");


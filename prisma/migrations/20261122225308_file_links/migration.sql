-- CreateTable
CREATE TABLE "FileLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "token" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "FileLink_token_key" ON "FileLink"("token");

-- CreateIndex
CREATE INDEX "FileLink_expiresAt_idx" ON "FileLink"("expiresAt");


// Files the bot offers (exports, invitations) on channels that cannot carry a file: a link with
// an unguessable token, valid for a short time (a bearer link: whoever has it may open it then).
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.js";

export const FILE_LINK_TTL_MS = 60 * 60 * 1000;

export async function createFileLink(
  db: Db,
  input: { staffId: string; filename: string; contentType: string; content: string; pupilId?: string },
  now = new Date(),
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.fileLink.create({ data: { ...input, token, expiresAt: new Date(now.getTime() + FILE_LINK_TTL_MS) } });
  // Expired links are removed on the way: exports hold pupil data and must not linger.
  await db.fileLink.deleteMany({ where: { expiresAt: { lt: now } } });
  return token;
}

export async function readFileLink(db: Db, token: string, now = new Date()) {
  const link = await db.fileLink.findUnique({ where: { token } });
  if (!link || link.expiresAt < now) {
    await db.fileLink.deleteMany({ where: { expiresAt: { lt: now } } });
    return null;
  }
  return { filename: link.filename, contentType: link.contentType, content: link.content };
}

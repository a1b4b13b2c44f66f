// The actor of a turn, loaded fresh every turn; for a card submission on PostgreSQL, with the
// submitted dialog session read in the same statement: one round trip instead of two (each costs
// driver CPU here and CPU in PostgreSQL's own process). On SQLite a statement costs ~10 µs and
// there is no round trip to save, so the engine reads the session itself as before.
import type { Db } from "../db/client.js";
import { directSqlOf } from "../db/direct-sql.js";
import { loadActor, loadActorAlong, type Actor } from "../auth/actor.js";
import { sessionAlongActor, sessionFromAlong, type PreloadedSession } from "../services/dialog-sessions.js";

/** The session id a submission names, if it names one (the payload is validated later, by the engine). */
function submittedSessionId(submission: unknown): string | undefined {
  if (typeof submission !== "object" || submission === null) return undefined;
  const id = (submission as { sessionId?: unknown }).sessionId;
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : undefined;
}

export async function loadTurnActor(db: Db, staffId: string, submission: unknown): Promise<{ actor: Actor; preloaded?: PreloadedSession }> {
  const sessionId = submittedSessionId(submission);
  if (sessionId === undefined || directSqlOf(db).provider !== "postgresql") return { actor: await loadActor(db, staffId) };
  const { actor, along } = await loadActorAlong(db, staffId, sessionAlongActor(sessionId));
  const row = along.find((r) => r.kind === "session");
  return { actor, preloaded: { sessionId, session: sessionFromAlong(row?.a) } };
}

// The actor of a turn, loaded fresh every turn; for a card submission on PostgreSQL, with the
// submitted dialog session read in the same statement: one round trip instead of two (each costs
// driver CPU here and CPU in PostgreSQL's own process). On SQLite a statement costs ~10 µs and
// there is no round trip to save, so the engine reads the session itself as before.
// When the staff id came from the identity cache, the same statement also reads which staff row
// the channel identity points at now: a school switched on another instance counts at once.
import type { Db } from "../db/client.js";
import { directSqlOf, type SqlValue } from "../db/direct-sql.js";
import { loadActor, loadActorAlong, type Actor } from "../auth/actor.js";
import { sessionAlongActor, sessionFromAlong, type PreloadedSession } from "../services/dialog-sessions.js";
import type { ChannelUser, InboundTurn } from "../channel/types.js";
import { ErrorCode, toAppError } from "../errors.js";
import type { StaffSchool } from "../auth/person-schools.js";
import { identify, type IdentityCache } from "./identity.js";

/** The session id a submission names, if it names one (the payload is validated later, by the engine). */
function submittedSessionId(submission: unknown): string | undefined {
  if (typeof submission !== "object" || submission === null) return undefined;
  const id = (submission as { sessionId?: unknown }).sessionId;
  return typeof id === "string" && id.length > 0 && id.length <= 200 ? id : undefined;
}

/** The staff row a channel identity points at, as one row of loadActorAlong (the unique index on channel, externalId). */
function identityAlongActor(user: ChannelUser): { sql: string; params: SqlValue[] } {
  return {
    sql: `SELECT 'identity', "staffId", NULL, NULL, NULL FROM "StaffIdentity" WHERE "channel" = ? AND "externalId" = ?`,
    params: [user.channel, user.externalId],
  };
}

export interface TurnActor {
  actor: Actor;
  preloaded?: PreloadedSession;
  /** The identity now points at another staff row than the (cached) one loaded: identify again. */
  moved: boolean;
}

export async function loadTurnActor(db: Db, staffId: string, submission: unknown, checkIdentityOf?: ChannelUser): Promise<TurnActor> {
  const sessionId = submittedSessionId(submission);
  const withSession = sessionId !== undefined && directSqlOf(db).provider === "postgresql";
  const along = [...(checkIdentityOf ? [identityAlongActor(checkIdentityOf)] : []), ...(withSession ? [sessionAlongActor(sessionId)] : [])];
  if (along.length === 0) return { actor: await loadActor(db, staffId), moved: false };
  const loaded = await loadActorAlong(db, staffId, { sql: along.map((a) => a.sql).join("\n  UNION ALL "), params: along.flatMap((a) => a.params) });
  const linked = loaded.along.find((r) => r.kind === "identity");
  const moved = linked !== undefined && linked.a !== staffId;
  if (!withSession) return { actor: loaded.actor, moved };
  const row = loaded.along.find((r) => r.kind === "session");
  return { actor: loaded.actor, preloaded: { sessionId: sessionId!, session: sessionFromAlong(row?.a) }, moved };
}

/** Who acts this turn: her staff record's actor, or the schools she still has to choose among. */
export type TurnIdentity = ({ kind: "actor" } & TurnActor) | { kind: "chooseSchool"; options: StaffSchool[] };

/**
 * Identifies the channel user and loads the actor. A cached staff row that is no longer the one her
 * identity points at (a school switched on another instance) or no longer active is dropped from
 * the cache, and she is identified afresh: at most once per turn.
 */
export async function identifyTurn(db: Db, turn: InboundTurn, cache: IdentityCache): Promise<TurnIdentity> {
  const who = await identify(db, turn.user, cache);
  if (who.kind === "chooseSchool") return who;
  if (!who.cached) return { kind: "actor", ...(await loadTurnActor(db, who.staffId, turn.submission)) };
  try {
    const loaded = await loadTurnActor(db, who.staffId, turn.submission, turn.user);
    if (!loaded.moved) return { kind: "actor", ...loaded };
  } catch (error) {
    if (toAppError(error).code !== ErrorCode.UnknownUser) throw error;
  }
  cache.forget(turn.user);
  const fresh = await identify(db, turn.user, cache);
  if (fresh.kind === "chooseSchool") return fresh;
  return { kind: "actor", ...(await loadTurnActor(db, fresh.staffId, turn.submission)) };
}

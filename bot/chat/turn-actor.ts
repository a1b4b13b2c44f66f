// The actor of a turn, loaded fresh every turn; for a card submission on PostgreSQL, with the
// submitted dialog session and its pupil's context (with the school calendar) read in the same
// statement: one round trip instead of three (each costs driver CPU here, CPU in PostgreSQL's own
// process and, with the database on another host, the network's latency). On SQLite a statement
// costs ~10 µs and there is no round trip to save, so the engine reads the session itself as before.
// When the staff id came from the identity cache, the same statement also reads which staff row
// the channel identity points at now: a school switched on another instance counts at once; and
// on PostgreSQL it claims the turn's delivery (the ledger's insert as a data-modifying CTE).
import type { Db } from "../db/client.js";
import { directSqlOf, type SqlValue } from "../db/direct-sql.js";
import { actorFromRows, loadActor, readActorAlong, type Actor } from "../auth/actor.js";
import { sessionAlongActor, sessionFromAlong, type PreloadedSession } from "../services/dialog-sessions.js";
import { pupilContextAlongActor, pupilContextFromAlong } from "../services/pupil-context-query.js";
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

/** The turn's delivery was claimed before: a repeat, nothing is to be done (see ClaimAlong). */
export class DuplicateDelivery extends Error {
  constructor() {
    super("delivery already claimed");
    this.name = "DuplicateDelivery";
  }
}

/**
 * The delivery ledger's insert (DeliveryLedger.claimStatement), run as a data-modifying CTE of
 * the actor's statement (PostgreSQL): the claim and the turn's first read in one round trip. The
 * insert runs before anything of the turn is used, exactly once, whatever the rest reads.
 */
export interface ClaimAlong {
  sql: string;
  params: SqlValue[];
}

export async function loadTurnActor(db: Db, staffId: string, submission: unknown, checkIdentityOf?: ChannelUser, claim?: ClaimAlong): Promise<TurnActor> {
  const sessionId = submittedSessionId(submission);
  const withSession = sessionId !== undefined && directSqlOf(db).provider === "postgresql";
  const along = [
    ...(checkIdentityOf ? [identityAlongActor(checkIdentityOf)] : []),
    ...(withSession ? [sessionAlongActor(sessionId), pupilContextAlongActor(sessionId, staffId)] : []),
    ...(claim ? [{ sql: `SELECT 'claimed', "key", NULL, NULL, NULL FROM "claimed"`, params: [] }] : []),
  ];
  if (along.length === 0) return { actor: await loadActor(db, staffId), moved: false };
  const read = await readActorAlong(
    db,
    staffId,
    { sql: along.map((a) => a.sql).join("\n  UNION ALL "), params: along.flatMap((a) => a.params) },
    claim ? { sql: `WITH "claimed" AS (${claim.sql} RETURNING "key")`, params: claim.params } : undefined,
  );
  // A repeat is told before anything else (also before an unknown or moved staff row).
  if (claim && !read.along.some((r) => r.kind === "claimed")) throw new DuplicateDelivery();
  const actor = actorFromRows(staffId, read.rows);
  const linked = read.along.find((r) => r.kind === "identity");
  const moved = linked !== undefined && linked.a !== staffId;
  if (!withSession) return { actor, moved };
  const row = read.along.find((r) => r.kind === "session");
  const pupilContext = pupilContextFromAlong(read.along.find((r) => r.kind === "pupilContext")?.a, staffId);
  return { actor, preloaded: { sessionId: sessionId!, session: sessionFromAlong(row?.a), ...(pupilContext ? { pupilContext } : {}) }, moved };
}

/** Who acts this turn: her staff record's actor, or the schools she still has to choose among. */
export type TurnIdentity = ({ kind: "actor" } & TurnActor) | { kind: "chooseSchool"; options: StaffSchool[] };

/**
 * Identifies the channel user and loads the actor. A cached staff row that is no longer the one her
 * identity points at (a school switched on another instance) or no longer active is dropped from
 * the cache, and she is identified afresh: at most once per turn.
 */
export async function identifyTurn(
  db: Db,
  turn: InboundTurn,
  cache: IdentityCache,
  claimAlong?: { cachedStaffId: string; claim: ClaimAlong },
): Promise<TurnIdentity> {
  // claimAlong: the staff id the cache gave just now, so that nothing is read before the claim.
  const who = claimAlong ? ({ kind: "staff", staffId: claimAlong.cachedStaffId, cached: true } as const) : await identify(db, turn.user, cache);
  if (who.kind === "chooseSchool") return who;
  if (!who.cached) return { kind: "actor", ...(await loadTurnActor(db, who.staffId, turn.submission)) };
  try {
    const loaded = await loadTurnActor(db, who.staffId, turn.submission, turn.user, claimAlong?.claim);
    if (!loaded.moved) return { kind: "actor", ...loaded };
  } catch (error) {
    if (toAppError(error).code !== ErrorCode.UnknownUser) throw error;
  }
  cache.forget(turn.user);
  const fresh = await identify(db, turn.user, cache);
  if (fresh.kind === "chooseSchool") return fresh;
  return { kind: "actor", ...(await loadTurnActor(db, fresh.staffId, turn.submission)) };
}

// Every refusal leaves an audit row without content, for every role, through the real turn
// pipeline (the same core the channels use) on the real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import { recordAudit, trackingRefusals } from "../../bot/audit.js";
import { ensureRefusalAudited } from "../../bot/auth/refusals.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { ForbiddenError, toAppError } from "../../bot/errors.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let core: BotCore;
let schoolId: string;
const staff: Record<string, { id: string; email: string }> = {};
const ids: Record<string, string> = {};
const SECRET_NOTE = "GEHEIM-notitie-canary-91";

beforeAll(async () => {
  t = await createTestDatabase();
  const { db } = t;
  const school = await makeSchool(db, "OBS Weigering");
  schoolId = school.id;
  await db.channelBinding.create({ data: { schoolId, channel: "teams", externalId: "tenant-weigering" } });
  const g4 = await makeGroup(db, schoolId, "groep 4", "middenbouw");
  const g7 = await makeGroup(db, schoolId, "groep 7", "bovenbouw");
  const sam = await makePupil(db, schoolId, g4.id, "Samira");
  const noor = await makePupil(db, schoolId, g7.id, "Noortje");
  Object.assign(ids, { sam: sam.id, noor: noor.id, samExternal: sam.externalId });
  const specs = {
    teacher7: { groups: [g7.id] },
    teacher4: { groups: [g4.id] },
    ib: { roles: [{ role: "ib" }], supports: [noor.id] },
    leader: { roles: [{ role: "team_leader", bouw: "bovenbouw" }] },
    admin: { roles: [{ role: "admin" }] },
    reader: { roles: [{ role: "content_reader" }] },
    privacy: { roles: [{ role: "privacy_officer" }] },
    gone: { groups: [g4.id], active: false },
  };
  for (const [key, spec] of Object.entries(specs)) {
    const s = await makeStaff(db, schoolId, { ...spec, email: `${key}@weigering.example` });
    staff[key] = { id: s.id, email: s.email };
  }
  core = createCore({ db, logger: createLogger("silent"), defaultLocale: "nl" });
});

afterAll(async () => t?.destroy());
// Every test starts with nobody in the middle of a dialog (one test leaves a note open on purpose).
beforeEach(async () => {
  await t.db.dialogSession.updateMany({ where: { status: "active" }, data: { status: "cancelled" } });
});

const local = (key: string): ChannelUser => ({ channel: "local", externalId: staff[key]!.email, email: staff[key]!.email });
const say = (key: string, text: string, extra: Partial<Parameters<BotCore["handleTurn"]>[0]> = {}) => core.handleTurn({ user: local(key), text, ...extra });

/** The refused rows the turn added: at least one, each with ids and words from our code only. */
async function refusedRowsOf(run: () => Promise<unknown>, typed: string[]): Promise<number> {
  const before = new Set((await t.db.auditEvent.findMany({ select: { id: true } })).map((r) => r.id));
  await run();
  const added = (await t.db.auditEvent.findMany()).filter((r) => !before.has(r.id) && r.action === "refused");
  for (const row of added) {
    const text = JSON.stringify(row);
    for (const word of typed) expect(text, "an audit row holds what was typed").not.toContain(word);
    expect(row.schoolId).toBe(schoolId);
    expect(row.entity).toMatch(/^[a-z_]+$/);
  }
  return added.length;
}

describe(`every refusal is audited on ${testProvider()}`, () => {
  it("a teacher searching a pupil of another group by name", async () => {
    // Only the rows this search adds (other tests' refusals by teacher 7 may be there already).
    const earlier = new Set((await t.db.auditEvent.findMany({ select: { id: true } })).map((r) => r.id));
    expect(await refusedRowsOf(() => say("teacher7", "leerling Samira"), ["Samira"])).toBeGreaterThanOrEqual(1);
    const added = (await t.db.auditEvent.findMany({ where: { actorStaffId: staff.teacher7!.id, action: "refused" } })).filter((r) => !earlier.has(r.id));
    expect(added.map((r) => r.pupilId)).toContain(ids.sam);
  });

  it("a teacher opening another group's pupil from a button (id), and writing a note there", async () => {
    expect(await refusedRowsOf(() => say("teacher7", `leerling id:${ids.sam}`), [])).toBeGreaterThanOrEqual(1);
    expect(await refusedRowsOf(() => say("teacher7", `notitie id:${ids.sam}: ${SECRET_NOTE}`), [SECRET_NOTE])).toBeGreaterThanOrEqual(1);
    expect(await refusedRowsOf(() => say("teacher7", `voorbereiden id:${ids.sam}`), [])).toBeGreaterThanOrEqual(1);
  });

  it("an IB'er reaching a pupil not assigned to them", async () => {
    expect(await refusedRowsOf(() => say("ib", "leerling Samira"), ["Samira"])).toBeGreaterThanOrEqual(1);
    expect(await refusedRowsOf(() => say("ib", `gesprek id:${ids.sam}`), [])).toBeGreaterThanOrEqual(1);
  });

  it("a team leader asking for content", async () => {
    expect(await refusedRowsOf(() => say("leader", "leerling Noortje"), ["Noortje"])).toBeGreaterThanOrEqual(1);
    expect(await refusedRowsOf(() => say("leader", `evalueer id:${ids.noor}`), [])).toBeGreaterThanOrEqual(1);
  });

  it("a school admin without a content grant reading or writing content", async () => {
    expect(await refusedRowsOf(() => say("admin", `leerling id:${ids.noor}`), [])).toBeGreaterThanOrEqual(1);
    expect(await refusedRowsOf(() => say("admin", `notitie id:${ids.noor}: ${SECRET_NOTE}`), [SECRET_NOTE])).toBeGreaterThanOrEqual(1);
  });

  it("a content reader writing", async () => {
    expect(await refusedRowsOf(() => say("reader", `notitie id:${ids.noor}: ${SECRET_NOTE}`), [SECRET_NOTE])).toBeGreaterThanOrEqual(1);
  });

  it("a privacy officer reading content (the export is theirs, the timeline is not)", async () => {
    expect(await refusedRowsOf(() => say("privacy", `leerling id:${ids.noor}`), [])).toBeGreaterThanOrEqual(1);
    const ok = await say("privacy", `leerling-export ${ids.samExternal}`);
    expect(ok.replies[0]!.attachments?.map((a) => a.contentType)).toEqual(["text/html", "application/pdf", "application/json"]);
  });

  it("a teacher asking for a pupil's export or audit trail", async () => {
    expect(await refusedRowsOf(() => say("teacher4", `leerling-export ${ids.samExternal}`), [])).toBe(1);
    expect(await refusedRowsOf(() => say("teacher4", `audit ${ids.samExternal}`), [])).toBe(1);
    // Both are in Sam's own audit trail, as the CLI's refusals are.
    const rows = await t.db.auditEvent.findMany({
      where: { actorStaffId: staff.teacher4!.id, action: "refused", entity: { in: ["access_export", "audit_trail"] } },
    });
    expect(rows.map((r) => [r.entity, r.pupilId, r.entityId]).sort()).toEqual([
      ["access_export", ids.sam, ids.sam],
      ["audit_trail", ids.sam, ids.sam],
    ]);
    const reply = await say("admin", `audit ${ids.samExternal}`);
    expect(reply.replies[0]!.text).toContain("refused");
    // "Which pupil?" gives the example of the command that asked it.
    expect((await say("admin", "audit 1042 extra")).replies[0]!.text).toContain("**audit 1042**");
    expect((await say("admin", "leerling-export 1042 extra")).replies[0]!.text).toContain("**leerling-export 1042**");
    // An id nobody has gets the same refusal: it tells nothing about who is on the roll.
    const unknown = await say("teacher4", "leerling-export 999999");
    const known = await say("teacher4", `leerling-export ${ids.samExternal}`);
    expect(unknown.replies.map((r) => r.text)).toEqual(known.replies.map((r) => r.text));
  });

  it("someone answering a colleague's dialog (a forwarded card)", async () => {
    const started = await say("teacher4", `notitie id:${ids.sam}`);
    expect(started.route).toBe("note");
    const session = await t.db.dialogSession.findFirstOrThrow({ where: { staffId: staff.teacher4!.id } });
    const submission = { sessionId: session.id, stepId: session.stepId, version: session.version, action: "submit", values: { text: SECRET_NOTE } };
    expect(await refusedRowsOf(() => say("teacher7", "", { submission }), [SECRET_NOTE])).toBe(1);
  });

  it("someone not on the staff list, and a deactivated colleague, in the school's tenant", async () => {
    const stranger: ChannelUser = { channel: "teams", externalId: "aad-stranger", email: "stranger@elders.example", tenantId: "tenant-weigering" };
    expect(await refusedRowsOf(() => core.handleTurn({ user: stranger, text: "leerling Samira" }), ["Samira", "stranger", "aad-"])).toBe(1);
    const gone: ChannelUser = { channel: "teams", externalId: "aad-gone", email: staff.gone!.email, tenantId: "tenant-weigering" };
    expect(await refusedRowsOf(() => core.handleTurn({ user: gone, text: "leerling Samira" }), ["Samira"])).toBe(1);
  });

  it("a refusal recorded inside a transaction that rolls back is written again, once", async () => {
    const who = { schoolId, staffId: staff.teacher7!.id };
    const count = () => t.db.auditEvent.count({ where: { actorStaffId: who.staffId, entity: "round" } });
    const before = await count();
    await trackingRefusals(async () => {
      const error = await inTransaction(t.db, async (tx) => {
        await recordAudit(tx, { schoolId, actorStaffId: who.staffId, action: "refused", entity: "round" });
        throw new ForbiddenError("not the team leader of this bouw");
      }).catch((e: unknown) => e);
      await ensureRefusalAudited(t.db, who, toAppError(error));
    });
    // Rolled back with the transaction, then written by the net: one row, not zero and not two.
    expect(await count()).toBe(before);
    expect(await t.db.auditEvent.count({ where: { actorStaffId: who.staffId, entity: "access" } })).toBeGreaterThanOrEqual(1);
    // A refusal that did commit is not written twice.
    const committed = await trackingRefusals(async () => {
      await recordAudit(t.db, { schoolId, actorStaffId: who.staffId, action: "refused", entity: "round" });
      const n = await t.db.auditEvent.count({ where: { actorStaffId: who.staffId, action: "refused" } });
      await ensureRefusalAudited(t.db, who, new ForbiddenError("x"));
      return n;
    });
    expect(await t.db.auditEvent.count({ where: { actorStaffId: who.staffId, action: "refused" } })).toBe(committed);
  });
});

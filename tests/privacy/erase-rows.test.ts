// The erasure of one pupil (bot/privacy/erase.ts) on its own, against the real database: what goes,
// what stays (for the others), the receipt an operator keeps, and the database files afterwards.
// Each test seeds its own pupils, so the tests hold in any order.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../bot/audit.js";
import { sqliteFilePath } from "../../bot/db/client.js";
import { erasePupil, formatReceipt, planErasure } from "../../bot/privacy/erase.js";
import { RETENTION_NOTICE } from "../../bot/privacy/retention-notice.js";
import { buildAccessExport } from "../../bot/privacy/export.js";
import { DAILY_BUNDLE } from "../../bot/domain/daily-list.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makeSchool, makeStaff } from "../support/fixtures.js";
import { allRowsAsText, seedPupilEverywhere, type SeededPupil } from "./pupil-data.js";

let t: TestDatabase;
let base: { schoolId: string; groupId: string; teacherId: string; adminId: string };
let seeded = 0;
const NOW = new Date("2026-11-23T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Wissen");
  const group = await makeGroup(t.db, school.id, "groep 6", "bovenbouw");
  const teacher = await makeStaff(t.db, school.id, { groups: [group.id] });
  const admin = await makeStaff(t.db, school.id, { roles: [{ role: "admin" }] });
  base = { schoolId: school.id, groupId: group.id, teacherId: teacher.id, adminId: admin.id };
});
afterAll(async () => t?.destroy());

const seed = (): Promise<SeededPupil> => seedPupilEverywhere(t.db, { ...base, tag: `E${++seeded}` });
const erase = (pupil: SeededPupil, o: { scrub?: boolean; now?: Date } = {}) =>
  erasePupil(
    t.db,
    { schoolId: base.schoolId, pupilId: pupil.pupilId, actorStaffId: base.adminId, actorLabel: "cli", reason: "request", ...(o.now ? { now: o.now } : {}) },
    { scrub: o.scrub ?? false },
  );
const holds = (rows: Record<string, string>, text: string) =>
  Object.entries(rows)
    .filter(([, all]) => all.includes(text))
    .map(([table]) => table);

function notice(pupilIds: string[], status = "pending") {
  return t.db.outboxMessage.create({
    data: {
      schoolId: base.schoolId,
      recipientStaffId: base.adminId,
      kind: RETENTION_NOTICE,
      payload: JSON.stringify({ pupils: pupilIds.map((pupilId) => ({ pupilId, eraseOn: "2027-03-01" })), months: 24 }),
      dueAt: NOW,
      status,
      idempotencyKey: `notice:${pupilIds.join(",")}:${status}`,
    },
  });
}

describe(`erasing a pupil on ${testProvider()}`, () => {
  it("removes every row about the pupil and keeps every row of the neighbour", async () => {
    const [target, neighbour] = [await seed(), await seed()];
    const neighbours = await planErasure(t.db, neighbour.pupilId);
    expect(neighbours).toMatchObject({ notes: 1, conversations: 1, goals: 1, outboxMessages: 3, fileLinks: 1, auditEvents: 3, stagedRosterLines: 1 });
    await erase(target);
    const rows = await allRowsAsText(t.db);
    for (const id of target.recordIds) expect(holds(rows, id), id).toEqual([]);
    expect(holds(rows, target.canary)).toEqual([]);
    expect(holds(rows, target.name.split(" ")[0]!)).toEqual([]);
    expect(holds(rows, target.externalId)).toEqual([]);
    // Everything of the neighbour is still there, row for row (the audit trail about it included).
    expect(await planErasure(t.db, neighbour.pupilId)).toEqual(neighbours);
    expect(holds(rows, `Beste ${neighbour.name.split(" ")[0]}`)).toEqual([]); // the school's old invitation links went too
  });

  it("an invitation link without a pupil goes only in the pupil's own school", async () => {
    const elsewhere = await makeSchool(t.db);
    const colleague = await makeStaff(t.db, elsewhere.id);
    const link = await t.db.fileLink.create({
      data: {
        token: `inv-elsewhere-${seeded}`,
        staffId: colleague.id,
        filename: "uitnodiging.html",
        contentType: "text/html",
        content: "<p>Beste Jip</p>",
        expiresAt: NOW,
      },
    });
    await erase(await seed());
    expect(await t.db.fileLink.count({ where: { id: link.id } })).toBe(1);
  });

  it("keeps the audit trail's rows, in every school, without the pupil's identity, and records the erasure itself", async () => {
    const target = await seed();
    // An access export names the pupil, not a record.
    await recordAudit(t.db, { schoolId: base.schoolId, actorStaffId: base.adminId, action: "export", entity: "access_export", pupilId: target.pupilId });
    const trail = await t.db.auditEvent.findMany({ where: { OR: [{ pupilId: target.pupilId }, { entityId: target.pupilId }] } });
    expect(new Set(trail.map((a) => a.schoolId)).size).toBe(2);
    const receipt = await erase(target);
    const after = await t.db.auditEvent.findMany({ where: { id: { in: trail.map((a) => a.id) } } });
    expect(after).toHaveLength(trail.length);
    for (const row of after) expect(row).toMatchObject({ pupilId: null, entityId: null });
    const own = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: receipt.id } });
    expect(own).toMatchObject({ schoolId: base.schoolId, actorStaffId: base.adminId, action: "erase", entity: "erasure_receipt" });
  });

  it("keeps a receipt with counts and who asked, and no personal data", async () => {
    const target = await seed();
    const planned = await planErasure(t.db, target.pupilId);
    const receipt = await erase(target, { now: NOW });
    const counts = { pupil: 1, ibAssignments: 1, conversations: 1, goals: 1, agreements: 1, evaluations: 1, notes: 1, dialogDrafts: 2 };
    expect(planned).toMatchObject({ ...counts, outboxMessages: 3, fileLinks: 1 });
    expect(receipt).toMatchObject({
      schoolId: base.schoolId,
      erasedAt: NOW,
      actorStaffId: base.adminId,
      actorLabel: "cli",
      reason: "request",
      counts: planned,
    });
    const stored = await t.db.erasureReceipt.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored).toMatchObject({ schoolId: base.schoolId, erasedAt: NOW, actorStaffId: base.adminId, actorLabel: "cli", reason: "request" });
    expect(JSON.parse(stored.counts)).toEqual(planned);
    expect(JSON.stringify(stored)).not.toContain(target.externalId);
    const at = Date.now();
    const unstamped = await erase(await seed());
    expect(unstamped.erasedAt.getTime()).toBeGreaterThanOrEqual(at);
    expect(unstamped.erasedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("prints the receipt for the operator: id, school, time, who, why and the counts", () => {
    const lines = formatReceipt({
      id: "rc1",
      schoolId: "s1",
      erasedAt: NOW,
      actorStaffId: null,
      actorLabel: "retention",
      reason: "retention",
      counts: { pupil: 1, notes: 12 },
    });
    expect(lines).toEqual([
      "erasure receipt rc1",
      "  school:     s1",
      "  erased at:  2026-11-23T10:00:00.000Z",
      "  by:         retention (retention)",
      "  reason:     retention",
      "  pupil           1",
      "  notes           12",
    ]);
    expect(formatReceipt({ id: "rc2", schoolId: "s1", erasedAt: NOW, actorStaffId: "staff-9", actorLabel: "cli", reason: "request", counts: {} })[3]).toBe(
      "  by:         staff-9 (cli)",
    );
  });

  it("a pending notice that names other pupils too is kept for them; one naming only this pupil, or already sent, goes", async () => {
    const [target, other] = [await seed(), await seed()];
    const shared = await notice([target.pupilId, other.pupilId]);
    const alone = await notice([target.pupilId]);
    const sent = await notice([target.pupilId, other.pupilId], "sent");
    const unrelated = await notice([other.pupilId]);
    await erase(target);
    const kept = await t.db.outboxMessage.findMany({ where: { id: { in: [shared.id, alone.id, sent.id, unrelated.id] } } });
    expect(kept.map((m) => m.id).sort()).toEqual([shared.id, unrelated.id].sort());
    const payload = JSON.parse(kept.find((m) => m.id === shared.id)!.payload);
    expect(payload).toEqual({ pupils: [{ pupilId: other.pupilId, eraseOn: "2027-03-01" }], months: 24 });
    expect(kept.find((m) => m.id === shared.id)).toMatchObject({ status: "pending", idempotencyKey: shared.idempotencyKey });
  });

  it("a teacher's daily list loses only this pupil's lines, also once sent; the access export shows a pupil only their own", async () => {
    const [target, other] = [await seed(), await seed()];
    const goalOf = (p: SeededPupil) => p.recordIds[2]!; // seedPupilEverywhere's goal
    const line = (p: SeededPupil) => ({ kind: "evaluation_due", key: `evaluation_due:${goalOf(p)}`, subjectId: goalOf(p), date: "2026-11-24" });
    const list = (pupils: SeededPupil[], status: string) =>
      t.db.outboxMessage.create({
        data: {
          schoolId: base.schoolId,
          recipientStaffId: base.teacherId,
          kind: DAILY_BUNDLE,
          payload: JSON.stringify({ day: "2026-11-24", items: pupils.map(line) }),
          dueAt: NOW,
          status,
          // Per teacher and day, as the producer keys it: no pupil in the key.
          idempotencyKey: `${DAILY_BUNDLE}:${base.teacherId}:${status}:${pupils.length}:${++seeded}`,
        },
      });
    const [shared, sent, alone] = [await list([target, other], "pending"), await list([target, other], "sent"), await list([target], "sent")];
    const exported = await buildAccessExport(t.db, target.pupilId, NOW);
    const listed = exported.outboxMessages.filter((m) => m.kind === DAILY_BUNDLE).map((m) => m.payload);
    expect(listed).toEqual([shared, sent, alone].map(() => ({ day: "2026-11-24", items: [line(target)] })));
    await erase(target);
    const kept = await t.db.outboxMessage.findMany({ where: { id: { in: [shared.id, sent.id, alone.id] } }, orderBy: { status: "asc" } });
    expect(kept.map((m) => [m.id, m.status, JSON.parse(m.payload)])).toEqual([
      [shared.id, "pending", { day: "2026-11-24", items: [line(other)] }],
      [sent.id, "sent", { day: "2026-11-24", items: [line(other)] }],
    ]);
  });

  it("a notice whose payload cannot be read goes with the pupil it names", async () => {
    const target = await seed();
    const unreadable = await t.db.outboxMessage.create({
      data: {
        schoolId: base.schoolId,
        recipientStaffId: base.adminId,
        kind: RETENTION_NOTICE,
        payload: `{"pupils": [{"pupilId": "${target.pupilId}"`,
        dueAt: NOW,
        idempotencyKey: `notice:unreadable:${target.pupilId}`,
      },
    });
    await erase(target);
    expect(await t.db.outboxMessage.count({ where: { id: unreadable.id } })).toBe(0);
  });

  it("another school's pupil is refused and nothing changes", async () => {
    const target = await seed();
    const other = await makeSchool(t.db);
    const before = await allRowsAsText(t.db);
    await expect(
      erasePupil(t.db, { schoolId: other.id, pupilId: target.pupilId, actorStaffId: null, actorLabel: "test", reason: "request" }, { scrub: false }),
    ).rejects.toThrow(/pupil/);
    expect(await allRowsAsText(t.db)).toEqual(before);
  });

  it.runIf(testProvider() === "sqlite")("scrubs the database files: no byte of the pupil is left in the file or its write-ahead log", async () => {
    const [target, neighbour] = [await seed(), await seed()];
    const file = sqliteFilePath(t.url);
    const bytes = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes().includes(Buffer.from(target.canary))).toBe(true);
    await erasePupil(t.db, { schoolId: base.schoolId, pupilId: target.pupilId, actorStaffId: null, actorLabel: "test", reason: "retention" });
    const after = bytes();
    expect(after.includes(Buffer.from(target.canary)), "canary bytes left").toBe(false);
    expect(after.includes(Buffer.from(target.name.split(" ")[1]!)), "name bytes left").toBe(false);
    expect(after.includes(Buffer.from(neighbour.canary))).toBe(true);
  });
});

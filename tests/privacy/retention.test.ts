// Retention across a fake clock: exactly the pupils past their date are erased, the admin is told
// a month ahead (once), receives a report afterwards, and old audit rows go on their own clock.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMonths, formatRetention, retentionDates, runRetention } from "../../bot/privacy/retention.js";
import { erasePupil } from "../../bot/privacy/erase.js";
import { startRetentionJob } from "../../bot/ops/nightly-job.js";
import { retentionRenderers, RETENTION_NOTICE, RETENTION_REPORT } from "../../bot/privacy/retention-notice.js";
import { createLogger } from "../../bot/logger.js";
import type { OutboxRow } from "../../bot/outbox/worker.js";
import { runPrivacyCommand } from "../../bot/cli/privacy-cli.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let schoolId: string;
let adminId: string;
let pupils: Record<string, string>;
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

// Retention runs over every school in the database, as the nightly job does: so each test gets a
// database of its own, with a school where nothing has been told, erased or deleted yet.
beforeEach(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "OBS Bewaartermijn");
  schoolId = school.id;
  const group = await makeGroup(t.db, school.id, "groep 8", "bovenbouw");
  adminId = (await makeStaff(t.db, school.id, { roles: [{ role: "admin" }] })).id;
  pupils = {};
  const make = async (key: string, leftAt: string | null) => {
    const p = await t.db.pupil.create({
      data: {
        schoolId,
        groupId: group.id,
        externalId: key,
        firstName: `Naam${key}`,
        lastName: "R.",
        active: leftAt === null,
        leftAt: leftAt ? day(leftAt) : null,
      },
    });
    await t.db.note.create({ data: { pupilId: p.id, authorId: adminId, text: `notitie ${key}` } });
    pupils[key] = p.id;
  };
  await make("left-2024-06", "2024-06-20"); // due 2026-06-20
  await make("left-2024-07", "2024-07-10"); // due 2026-07-10
  await make("left-2025-01", "2025-01-31"); // due 2027-01-31
  await make("still-here", null);
  // Another school keeps its own, longer setting.
  const other = await t.db.school.create({ data: { name: "OBS Lang", pupilRetentionMonths: 60 } });
  const op = await t.db.pupil.create({
    data: { schoolId: other.id, externalId: "other", firstName: "Ander", lastName: "K.", active: false, leftAt: day("2024-06-20") },
  });
  pupils.other = op.id;
  // Audit rows: one old, one recent.
  await t.db.auditEvent.create({ data: { schoolId, actorStaffId: adminId, action: "read", entity: "group_overview", at: day("2024-01-01") } });
  await t.db.auditEvent.create({ data: { schoolId, actorStaffId: adminId, action: "read", entity: "group_overview", at: day("2026-05-01") } });
});

afterEach(async () => t?.destroy());

const exists = async (key: string) => (await t.db.pupil.count({ where: { id: pupils[key]! } })) === 1;
const render = (kind: string, row: { payload: string; recipientStaffId: string; schoolId: string }) =>
  retentionRenderers[kind]!({ ...row, payload: JSON.parse(row.payload) } as unknown as OutboxRow, t.db);

describe(`retention on ${testProvider()}`, () => {
  it("computes the erasure date from the day the pupil left", () => {
    expect(retentionDates(day("2024-06-20"), 24).eraseAt.toISOString().slice(0, 10)).toBe("2026-06-20");
    expect(addMonths(new Date("2024-01-31T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2024-02-29");
  });

  it("a dry run lists what would go and when, and changes nothing", async () => {
    const out: string[] = [];
    await runPrivacyCommand(t.db, "retention", ["--dry-run"], { out: (l) => out.push(l), err: () => {} }, day("2026-06-25"));
    const text = out.join("\n");
    // Past its date but never told: told now, erased a month later (never without notice).
    expect(text).toContain("erased on 2026-07-25 (admin told a month ahead): pupil left-2024-06");
    expect(text).toContain("erased on 2026-07-25 (admin told a month ahead): pupil left-2024-07");
    expect(text).toContain("erased on 2027-01-31: pupil left-2025-01");
    expect(text).not.toMatch(/Naam/);
    expect(await exists("left-2024-06")).toBe(true);
    expect(await t.db.outboxMessage.count()).toBe(0);
  });

  it("a month ahead the admin is told once; nothing is erased yet", async () => {
    const job = startRetentionJob({ db: t.db, logger: createLogger("silent"), clock: () => day("2026-05-25") });
    await job.runOnce();
    await job.runOnce(); // the same day again: no second notice
    await job.stop();
    expect(await exists("left-2024-06")).toBe(true);
    const notices = await t.db.outboxMessage.findMany({ where: { kind: RETENTION_NOTICE } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipientStaffId).toBe(adminId);
    expect(notices[0]!.payload).not.toContain("Naam");
    const text = (await render(RETENTION_NOTICE, notices[0]!))![0]!.text;
    expect(text).toContain("Naamleft-2024-06");
    expect(text).not.toContain("Naamleft-2024-07"); // its notice period has not begun
    // The next day: no new notice for the same pupil.
    await runRetention(t.db, { now: day("2026-05-26") });
    expect(await t.db.outboxMessage.count({ where: { kind: RETENTION_NOTICE } })).toBe(1);
  });

  it("a pupil whose notice period begins later the same day gets a notice naming them", async () => {
    await runRetention(t.db, { now: day("2026-05-25") });
    // Later that day another pupil turns out to have left long ago (a roster correction).
    await t.db.pupil.update({ where: { id: pupils["left-2025-01"]! }, data: { leftAt: day("2024-06-10") } });
    const [second] = await runRetention(t.db, { now: new Date("2026-05-25T18:00:00Z") });
    expect(second!.noticesQueued).toBe(1);
    const notices = await t.db.outboxMessage.findMany({ where: { kind: RETENTION_NOTICE }, orderBy: { createdAt: "asc" } });
    expect(notices).toHaveLength(2);
    const text = (await render(RETENTION_NOTICE, notices[1]!))![0]!.text;
    expect(text).toContain("Naamleft-2025-01");
    // Told by that notice, so erased after its month.
    await runRetention(t.db, { now: day("2026-07-01") });
    expect(await exists("left-2024-06")).toBe(false);
    expect(await exists("left-2025-01")).toBe(false);
  });

  it("without an active admin nobody is told, so nobody is erased; once an admin is there, a month later", async () => {
    await t.db.staff.update({ where: { id: adminId }, data: { active: false } });
    // A dry run says so too, instead of promising a notice.
    const [dry] = await runRetention(t.db, { now: day("2026-05-25"), dryRun: true });
    expect(formatRetention([dry!], true).join("\n")).toContain("NOT ERASED YET: pupil left-2024-06");
    const [first] = await runRetention(t.db, { now: day("2026-05-25") });
    expect(first!.untold.map((p) => p.externalId)).toEqual(["left-2024-06"]);
    expect(formatRetention([first!], false).join("\n")).toContain("NOT ERASED YET: pupil left-2024-06");
    expect(await t.db.pupil.findUniqueOrThrow({ where: { id: pupils["left-2024-06"]! } })).toMatchObject({ retentionNoticeAt: null });
    await runRetention(t.db, { now: day("2026-07-01") });
    expect(await exists("left-2024-06")).toBe(true);
    await t.db.staff.update({ where: { id: adminId }, data: { active: true } });
    await runRetention(t.db, { now: day("2026-07-02") });
    expect(await t.db.outboxMessage.count({ where: { kind: RETENTION_NOTICE } })).toBe(1);
    await runRetention(t.db, { now: day("2026-07-20") });
    expect(await exists("left-2024-06")).toBe(true);
    await runRetention(t.db, { now: day("2026-08-03") });
    expect(await exists("left-2024-06")).toBe(false);
  });

  it("across the fake clock exactly the pupils past their date (and a month's notice) are erased, and the admin gets a report", async () => {
    // The run of 05-25 tells the admin about the pupil due 06-20.
    await runRetention(t.db, { now: day("2026-05-25") });
    // Told on 05-25, four days late: the retention date 06-20 passes, but the month's notice runs until 06-24.
    await runRetention(t.db, { now: day("2026-06-21") });
    expect(await exists("left-2024-06")).toBe(true);
    const first = await runRetention(t.db, { now: day("2026-06-25") });
    expect(await exists("left-2024-06")).toBe(false);
    expect(await exists("left-2024-07")).toBe(true);
    expect(await exists("left-2025-01")).toBe(true);
    expect(await exists("still-here")).toBe(true);
    expect(await exists("other")).toBe(true);
    const mine = first.find((r) => r.schoolId === schoolId)!;
    expect(mine.receipts).toHaveLength(1);
    // The notice that named the erased pupil went with it; the report names no pupil.
    const report = await t.db.outboxMessage.findFirstOrThrow({ where: { kind: RETENTION_REPORT } });
    expect((await render(RETENTION_REPORT, report))![0]!.text).toContain(mine.receipts[0]!.id);
    expect(await t.db.note.count({ where: { pupilId: pupils["left-2024-06"]! } })).toBe(0);

    // Due 07-10, told on 06-21 (its notice period began 06-10 while the job saw it first on 06-21).
    await runRetention(t.db, { now: day("2026-07-10") });
    expect(await exists("left-2024-07")).toBe(true);
    await runRetention(t.db, { now: day("2026-07-21") });
    expect(await exists("left-2024-07")).toBe(false);
    expect(await exists("left-2025-01")).toBe(true);
    // Told on time (01-01, a month ahead), erased on its date.
    await runRetention(t.db, { now: day("2027-01-01") });
    await runRetention(t.db, { now: day("2027-01-30") });
    expect(await exists("left-2025-01")).toBe(true);
    await runRetention(t.db, { now: day("2027-01-31") });
    expect(await exists("left-2025-01")).toBe(false);
    expect(await exists("still-here")).toBe(true);
    expect(await exists("other")).toBe(true);
    expect(await t.db.erasureReceipt.count({ where: { schoolId, reason: "retention" } })).toBe(3);
  });

  it("audit rows older than the audit retention are deleted", async () => {
    expect(await t.db.auditEvent.count({ where: { schoolId, at: { lt: day("2025-01-01") } } })).toBe(1);
    await runRetention(t.db, { now: day("2027-01-31") });
    // At 2027-01-31 the cut-off is 2025-01-31: the 2024 row went, the 2026 row stays.
    expect(await t.db.auditEvent.count({ where: { schoolId, at: { lt: day("2025-01-01") } } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { schoolId, at: day("2026-05-01") } })).toBe(1);
  });

  it("erasing one pupil of a pending notice keeps the notice for the others", async () => {
    const make = (key: string) =>
      t.db.pupil.create({ data: { schoolId, externalId: key, firstName: `Naam${key}`, lastName: "N.", active: false, leftAt: day("2025-03-01") } });
    const [x, y] = [await make("notice-x"), await make("notice-y")];
    const row = await t.db.outboxMessage.create({
      data: {
        schoolId,
        recipientStaffId: adminId,
        kind: RETENTION_NOTICE,
        payload: JSON.stringify({
          pupils: [
            { pupilId: x.id, eraseOn: "2027-03-01" },
            { pupilId: y.id, eraseOn: "2027-03-01" },
          ],
          months: 24,
        }),
        dueAt: day("2027-02-01"),
        idempotencyKey: "notice-x-y",
      },
    });
    await erasePupil(t.db, { schoolId, pupilId: x.id, actorStaffId: null, actorLabel: "test", reason: "request" });
    const kept = await t.db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(JSON.parse(kept.payload)).toEqual({ pupils: [{ pupilId: y.id, eraseOn: "2027-03-01" }], months: 24 });
    const text = (await render(RETENTION_NOTICE, kept))![0]!.text;
    expect(text).toContain("Naamnotice-y");
    expect(text).not.toContain("Naamnotice-x");
  });
});

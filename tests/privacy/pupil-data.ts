// A pupil with a record in every table that can hold something about them, written through
// Prisma the way the services store it; and a neighbour whose records must stay untouched.
import type { Db } from "../../bot/db/client.js";
import { directSqlOf } from "../../bot/db/direct-sql.js";
import { recordAudit } from "../../bot/audit.js";

export interface SeededPupil {
  pupilId: string;
  externalId: string;
  name: string;
  canary: string;
  recordIds: string[];
}

/** Every stored row of every table, as text: what "no row anywhere references the pupil" searches. */
export async function allRowsAsText(db: Db): Promise<Record<string, string>> {
  const sql = directSqlOf(db);
  const tables =
    sql.provider === "sqlite"
      ? (await sql.rows<{ name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)).map((r) => r.name)
      : (await sql.rows<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`)).map((r) => r.name);
  const out: Record<string, string> = {};
  for (const table of tables) out[table] = JSON.stringify(await sql.rows(`SELECT * FROM "${table}"`));
  return out;
}

export async function seedPupilEverywhere(
  db: Db,
  o: { schoolId: string; groupId: string; teacherId: string; adminId: string; tag: string },
): Promise<SeededPupil> {
  const firstName = `Zwaluwina${o.tag}`;
  const lastName = `Kanariepiet${o.tag}`;
  const canary = `CANARY-${o.tag}-hutbouwer-7f3a`;
  const externalId = `lln-${o.tag}`;
  const pupil = await db.pupil.create({ data: { schoolId: o.schoolId, groupId: o.groupId, externalId, firstName, lastName } });
  const ib = await db.staff.create({
    data: { schoolId: o.schoolId, email: `ib-${o.tag}@test.example`, displayName: `IB ${o.tag}`, roles: { create: [{ role: "ib" }] } },
  });
  await db.pupilSupport.create({ data: { pupilId: pupil.id, staffId: ib.id } });
  // Next school year's roster, staged: it names the pupil by the administration's id.
  await db.stagedPlacement.create({
    data: { schoolId: o.schoolId, schoolYear: "2027-2028", externalId, firstName, lastName, groupName: "groep 7", teacherEmails: "juf@test.example", line: 2 },
  });
  const conversation = await db.conversation.create({
    data: {
      schoolId: o.schoolId,
      pupilId: pupil.id,
      groupId: o.groupId,
      formatKey: "kindplan",
      formatVersion: 1,
      status: "held",
      heldAt: new Date(),
      answers: JSON.stringify({ s_body: { difficult: `${canary} in de conversatie` } }),
      createdById: o.teacherId,
      teachers: { create: [{ staffId: o.teacherId }] },
    },
  });
  const goal = await db.goal.create({
    data: { pupilId: pupil.id, conversationId: conversation.id, goalText: `${canary} doel`, evaluationDate: "2027-01-15", createdById: o.teacherId },
  });
  const agreement = await db.agreement.create({
    data: { pupilId: pupil.id, conversationId: conversation.id, goalId: goal.id, who: firstName, what: `${canary} afspraak`, whenText: "vrijdag" },
  });
  const evaluation = await db.evaluation.create({ data: { goalId: goal.id, outcome: "partly", note: `${canary} evaluatie`, evaluatedById: o.teacherId } });
  const note = await db.note.create({ data: { pupilId: pupil.id, authorId: o.teacherId, text: `${canary} notitie over ${firstName}` } });
  // Drafts: one naming the pupil, one naming only a goal id in its answers (an evaluation dialog).
  const draft = await db.dialogSession.create({
    data: {
      schoolId: o.schoolId,
      staffId: o.teacherId,
      kind: "note",
      pupilId: pupil.id,
      stepId: "text",
      answers: JSON.stringify({ text: { text: `${canary} concept` } }),
    },
  });
  const goalDraft = await db.dialogSession.create({
    data: {
      schoolId: o.schoolId,
      staffId: o.teacherId,
      kind: "evaluate",
      stepId: "outcome",
      answers: JSON.stringify({ pick: { goalId: goal.id } }),
      rawInputs: JSON.stringify({ outcome: { note: canary } }),
    },
  });
  const reminder = await db.outboxMessage.create({
    data: {
      schoolId: o.schoolId,
      recipientStaffId: o.teacherId,
      kind: "evaluation_due",
      subjectId: goal.id,
      payload: JSON.stringify({ goalId: goal.id, date: "2027-01-15" }),
      dueAt: new Date(),
      idempotencyKey: `evaluation_due:${goal.id}:${o.teacherId}`,
    },
  });
  const prepare = await db.outboxMessage.create({
    data: {
      schoolId: o.schoolId,
      recipientStaffId: o.teacherId,
      kind: "prepare_reminder",
      subjectId: conversation.id,
      payload: JSON.stringify({ conversationId: conversation.id }),
      dueAt: new Date(),
      status: "dead",
      idempotencyKey: `prepare_reminder:${conversation.id}:${o.teacherId}`,
    },
  });
  const report = await db.outboxMessage.create({
    data: {
      schoolId: o.schoolId,
      recipientStaffId: o.adminId,
      kind: "undeliverable_report",
      subjectId: prepare.id,
      payload: JSON.stringify({ messageId: prepare.id, reason: "blocked" }),
      dueAt: new Date(),
      idempotencyKey: `undeliverable_report:${prepare.id}:${o.adminId}`,
    },
  });
  const file = await db.fileLink.create({
    data: {
      token: `tok-${o.tag}`,
      staffId: o.teacherId,
      pupilId: pupil.id,
      filename: "kindplan.html",
      contentType: "text/html",
      content: `<h1>${firstName} ${lastName}</h1><p>${canary}</p>`,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await recordAudit(db, { schoolId: o.schoolId, actorStaffId: o.teacherId, action: "read", entity: "pupil_record", entityId: pupil.id, pupilId: pupil.id });
  await recordAudit(db, { schoolId: o.schoolId, actorStaffId: o.teacherId, action: "create", entity: "note", entityId: note.id, pupilId: pupil.id });
  // A refusal recorded with the pupil only as entityId (the not-found path), also by another school.
  await recordAudit(db, { schoolId: o.schoolId, actorStaffId: o.adminId, action: "refused", entity: "pupil", entityId: pupil.id });
  const elsewhere = await db.school.create({ data: { name: `Elders ${o.tag}` } });
  await recordAudit(db, { schoolId: elsewhere.id, actorStaffId: null, action: "refused", entity: "pupil", entityId: pupil.id });
  // An invitation link of the school that names no pupil (made before links carried one).
  await db.fileLink.create({
    data: {
      token: `inv-${o.tag}`,
      staffId: o.teacherId,
      filename: "uitnodiging.html",
      contentType: "text/html",
      content: `<p>Beste ${firstName}</p>`,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return {
    pupilId: pupil.id,
    externalId,
    name: `${firstName} ${lastName}`,
    canary,
    recordIds: [pupil.id, conversation.id, goal.id, agreement.id, evaluation.id, note.id, draft.id, goalDraft.id, reminder.id, prepare.id, report.id, file.id],
  };
}

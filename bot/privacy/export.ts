// The access export (inzageverzoek, AVG art. 15): everything stored about one pupil, as
// machine-readable JSON and as a readable page (HTML and PDF) for the parents. It holds every
// record, whatever the pupil agreed to share: the share choices are part of the data.
import type { Db } from "../db/client.js";
import { recordAudit } from "../audit.js";
import { renderHtml, renderPdf, type Block, type Printable } from "../exports/printable.js";
import { bundleLines, collectPupilData, countPupilData, type PupilData } from "./pupil-data.js";

export const EXPORT_FORMAT_VERSION = 1;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The JSON document: stored rows as they are, JSON columns parsed, plus staff names for reading. */
export async function buildAccessExport(db: Db, pupilId: string, now: Date) {
  const data = await collectPupilData(db, pupilId);
  const staffIds = new Set<string>();
  for (const e of data.audit) if (e.actorStaffId) staffIds.add(e.actorStaffId);
  for (const c of data.conversations) for (const t of c.teachers) staffIds.add(t.staffId);
  for (const n of data.notes) staffIds.add(n.authorId);
  for (const ev of data.evaluations) staffIds.add(ev.evaluatedById);
  for (const s of data.sessions) staffIds.add(s.staffId);
  const staff = await db.staff.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, displayName: true } });
  const { pupil } = data;
  return {
    format: "gesprekswijzer-access-export",
    formatVersion: EXPORT_FORMAT_VERSION,
    generatedAt: now.toISOString(),
    school: pupil.school,
    pupil: {
      id: pupil.id,
      externalId: pupil.externalId,
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      group: pupil.group ? { id: pupil.group.id, name: pupil.group.name, schoolYear: pupil.group.schoolYear } : null,
      active: pupil.active,
      leftAt: pupil.leftAt,
      createdAt: pupil.createdAt,
      updatedAt: pupil.updatedAt,
    },
    counts: countPupilData(data),
    staff: Object.fromEntries(staff.map((s) => [s.id, s.displayName])),
    ibAssignments: data.supports.map((s) => ({ staffId: s.staffId, since: s.createdAt })),
    conversations: data.conversations.map((c) => ({
      ...c,
      teachers: c.teachers.map((t) => t.staffId),
      preparation: parseJson(c.preparation),
      answers: parseJson(c.answers),
      skills: parseJson(c.skills),
    })),
    goals: data.goals,
    agreements: data.agreements,
    evaluations: data.evaluations,
    notes: data.notes,
    stagedRosterLines: data.staged,
    rounds: data.rounds,
    dialogDrafts: data.sessions.map((s) => ({
      ...s,
      answers: parseJson(s.answers),
      rawInputs: parseJson(s.rawInputs),
      pending: s.pending === null ? null : parseJson(s.pending),
    })),
    // A daily reminder list shows only this pupil's lines: the other pupils' are not theirs to see.
    outboxMessages: data.outbox.map((m) => {
      const bundle = bundleLines(m, data.recordIds);
      return { ...m, payload: bundle ? { ...bundle.payload, items: bundle.mine } : parseJson(m.payload) };
    }),
    fileLinks: data.fileLinks,
    auditTrail: data.audit,
  };
}

export type AccessExport = Awaited<ReturnType<typeof buildAccessExport>>;

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");
const flatten = (value: unknown): string => {
  if (value === null || value === undefined) return "—";
  if (typeof value === "object") {
    const parts: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (v !== null && typeof v === "object") for (const [k, inner] of Object.entries(v)) walk(inner, path ? `${path}.${k}` : k);
      else if (v !== "" && v !== undefined) parts.push(`${path}: ${String(v)}`);
    };
    walk(value, "");
    return parts.length ? parts.join("; ") : "—";
  }
  return String(value);
};

/** The readable version (Dutch, for parents and the school): every record, in sections. */
export function accessExportPrintable(doc: AccessExport): Printable {
  const who = (id: string | null) => (id ? (doc.staff[id] ?? id) : "systeem");
  const p = doc.pupil;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `${doc.school.name} — inzage in alle gegevens over ${p.firstName} ${p.lastName} (leerlingnummer ${p.externalId}), gemaakt op ${day(new Date(doc.generatedAt))}.`,
      muted: true,
    },
    {
      kind: "box",
      lines: [
        { label: "Naam", text: `${p.firstName} ${p.lastName}` },
        { label: "Groep", text: p.group ? `${p.group.name} (${p.group.schoolYear})` : "—" },
        { label: "Status", text: p.active ? "op school" : `vertrokken op ${day(p.leftAt)}` },
      ],
    },
    { kind: "heading", text: "Gesprekken" },
    ...(doc.conversations.length
      ? doc.conversations.map(
          (c): Block => ({
            kind: "box",
            lines: [
              { label: "Datum", text: day(c.heldAt ?? c.plannedAt ?? c.createdAt) },
              { label: "Status", text: c.status },
              { label: c.teachers.length === 1 ? "Leerkracht" : "Leerkrachten", text: c.teachers.map(who).join(", ") || "—" },
              { label: "Voorbereiding", text: flatten(c.preparation) },
              { label: "Antwoorden", text: flatten(c.answers) },
            ],
          }),
        )
      : [{ kind: "paragraph", text: "Geen.", muted: true } as Block]),
    { kind: "heading", text: "Doelen en evaluaties" },
    ...(doc.goals.length
      ? doc.goals.map(
          (g): Block => ({
            kind: "box",
            lines: [
              { label: "Doel", text: g.goalText },
              ...(g.nowText ? [{ label: "Nu kan ik", text: g.nowText }] : []),
              ...(g.ownPlan ? [{ label: "Eigen plan", text: g.ownPlan }] : []),
              { label: "Status", text: g.status },
              { label: "Evaluatiedatum", text: g.evaluationDate ?? "—" },
              ...doc.evaluations
                .filter((e) => e.goalId === g.id)
                .map((e) => ({ label: `Evaluatie ${day(e.evaluatedAt)}`, text: `${e.outcome}${e.note ? ` — ${e.note}` : ""} (${who(e.evaluatedById)})` })),
            ],
          }),
        )
      : [{ kind: "paragraph", text: "Geen.", muted: true } as Block]),
    { kind: "heading", text: "Afspraken" },
    doc.agreements.length
      ? { kind: "list", items: doc.agreements.map((a) => `${a.who}: ${a.what} (${a.whenText})`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Notities" },
    doc.notes.length
      ? { kind: "list", items: doc.notes.map((n) => `${day(n.createdAt)} (${who(n.authorId)}): ${n.text}`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Gespreksrondes" },
    doc.rounds.length
      ? { kind: "list", items: doc.rounds.map((r) => `${r.name}: ${r.startDate} t/m ${r.endDate}`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Onafgemaakte invoer (concepten)" },
    doc.dialogDrafts.length
      ? { kind: "list", items: doc.dialogDrafts.map((s) => `${day(s.updatedAt)} (${who(s.staffId)}, ${s.kind}, ${s.status}): ${flatten(s.answers)}`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Berichten van de bot over deze leerling" },
    doc.outboxMessages.length
      ? { kind: "list", items: doc.outboxMessages.map((m) => `${day(m.dueAt)}: ${m.kind} aan ${who(m.recipientStaffId)} (${m.status})`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Wie heeft de gegevens ingezien of gewijzigd" },
    doc.auditTrail.length
      ? {
          kind: "list",
          items: doc.auditTrail.map((e) => `${e.at.toISOString().slice(0, 16).replace("T", " ")} UTC — ${who(e.actorStaffId)}: ${e.action} ${e.entity}`),
        }
      : { kind: "paragraph", text: "Geen.", muted: true },
  ];
  return { lang: "nl", title: `Inzage: ${p.firstName} ${p.lastName}`, blocks };
}

export interface AccessExportFiles {
  json: string;
  html: string;
  pdf: Buffer;
  counts: Record<string, number>;
}

/** Builds the export and records that it was made (who, for which pupil; no content). */
export async function exportPupilData(
  db: Db,
  input: { schoolId: string; pupilId: string; actorStaffId: string | null; now?: Date },
): Promise<AccessExportFiles> {
  const now = input.now ?? new Date();
  const doc = await buildAccessExport(db, input.pupilId, now);
  const printable = accessExportPrintable(doc);
  const files = { json: `${JSON.stringify(doc, null, 2)}\n`, html: renderHtml(printable), pdf: await renderPdf(printable), counts: doc.counts };
  await recordAudit(db, {
    schoolId: input.schoolId,
    actorStaffId: input.actorStaffId,
    action: "export",
    entity: "access_export",
    entityId: input.pupilId,
    pupilId: input.pupilId,
  });
  return files;
}

export type { PupilData };

// The access export (inzageverzoek, AVG art. 15): everything stored about one pupil, as
// machine-readable JSON and as a readable page (HTML and PDF) for the parents. It holds every
// record, whatever the pupil agreed to share: the share choices are part of the data.
import type { Db } from "../db/client.js";
import { recordAudit } from "../audit.js";
import { renderHtml, renderPdf, type Block, type Printable } from "../exports/printable.js";
import { bundleLines, collectPupilData, countPupilData, type PupilData } from "./pupil-data.js";
import { getFormat } from "../formats/registry.js";
import { translatorFor } from "../i18n/translate.js";
import { labelledConversation } from "../services/conversation-read.js";
import { HOW_IT_WENT, SHORT_JOTS, SHORT_STEP } from "../services/conversation-mode.js";
// The same words as `gesprek bekijken` in the chat: choices by their labels, statuses in Dutch.
import { shownValue, word } from "../services/answer-words.js";

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
  for (const s of data.supports) staffIds.add(s.staffId);
  for (const g of data.goals) if (g.evaluatorId) staffIds.add(g.evaluatorId);
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

/**
 * Each conversation's answers under its format's labels, by conversation id (a format no longer
 * there: none), and what the labels do not cover (the plan's steps, the preparation's date and
 * place), shown as stored, so the readable page leaves nothing out.
 */
export type LabelledAnswers = Map<string, ReturnType<typeof labelledConversation> & { rest: { answers: object; preparation: object } }>;

/** What the labelled reading shows, per stored step: the fields it names (and their share choices), or the whole value. */
type Shown = Map<string, ReadonlySet<string> | "whole">;

/** The preparation's steps the labelled reading shows (bot/services/conversation-read.ts). */
const READ_PREPARATION: Shown = new Map<string, ReadonlySet<string> | "whole">([
  ["aim", new Set(["reason", "aim", "theme"])],
  ["previous", new Set(["followUp"])],
  ["plannedQuestions", "whole"],
]);

/** The conversation's answers the labelled reading shows: the format's sections, the opening, the short way's cards. */
function readAnswers(format: { phases: { sections: { id: string; fields: { id: string }[] }[] }[] }): Shown {
  return new Map<string, ReadonlySet<string> | "whole">([
    ["opening", new Set(["previousReview"])],
    [SHORT_STEP.card, new Set(SHORT_JOTS.map((j) => j.id))],
    [SHORT_STEP.record, new Set([HOW_IT_WENT.id])],
    ...format.phases.flatMap((p) => p.sections.map((x): [string, ReadonlySet<string>] => [`s_${x.id}`, new Set(x.fields.map((f) => f.id))])),
  ]);
}

/** The stored values the labelled reading leaves out, field by field, as stored. */
function leftOver(stored: unknown, shown: Shown): object {
  if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return {};
  const rest: Record<string, unknown> = {};
  for (const [step, value] of Object.entries(stored)) {
    const fields = shown.get(step);
    if (fields === "whole") continue;
    if (!fields || value === null || typeof value !== "object" || Array.isArray(value)) {
      rest[step] = value;
      continue;
    }
    const unshown = Object.entries(value).filter(([field]) => !fields.has(field) && !fields.has(field.replace(/__share$/, "")));
    if (unshown.length) rest[step] = Object.fromEntries(unshown);
  }
  return rest;
}

async function labelAnswers(db: Db, doc: AccessExport): Promise<LabelledAnswers> {
  const labelled: LabelledAnswers = new Map();
  for (const c of doc.conversations) {
    const format = await getFormat(db, c.schoolId, c.formatKey, c.formatVersion).catch(() => null);
    if (!format) continue;
    labelled.set(c.id, {
      ...labelledConversation(format, { answers: JSON.stringify(c.answers ?? {}), preparation: JSON.stringify(c.preparation ?? {}) }),
      rest: { answers: leftOver(c.answers, readAnswers(format)), preparation: leftOver(c.preparation, READ_PREPARATION) },
    });
  }
  return labelled;
}

const nl = { t: translatorFor("nl"), locale: "nl" as const };
/** A queued message's state, as the parents read it. */
const OUTBOX_STATUS: Record<string, string> = {
  pending: "nog te versturen",
  sending: "wordt verstuurd",
  sent: "verstuurd",
  dead: "niet bezorgd",
  uncertain: "onzeker of het aankwam",
  cancelled: "niet verstuurd (vervallen)",
};
const yesNo = (value: boolean) => (value ? "ja" : "nee");

/** A conversation's answers as lines "Section — Question: answer"; without its format, as stored. */
function answerLines(c: AccessExport["conversations"][number], labelled: LabelledAnswers | undefined): { label: string; text: string }[] {
  const read = labelled?.get(c.id);
  if (!read) {
    return [
      { label: "Voorbereiding", text: flatten(c.preparation) },
      { label: "Antwoorden", text: flatten(c.answers) },
    ];
  }
  const line = (prefix: string | null, a: (typeof read.preparation)[number]) => ({
    label: `${prefix ? `${prefix} — ` : ""}${a.field.label.nl}`,
    text: `${shownValue(a, nl)}${a.shared === null ? "" : a.shared ? " (mag gedeeld worden met ouders)" : " (niet delen met ouders)"}`,
  });
  const rest = (label: string, stored: object) => (Object.keys(stored).length ? [{ label, text: flatten(stored) }] : []);
  return [
    ...read.preparation.map((a) => line("Voorbereiding", a)),
    ...rest("Voorbereiding, overige velden (zoals opgeslagen)", read.rest.preparation),
    ...read.opening.map((a) => line(null, a)),
    ...read.phases.flatMap((phase) => phase.sections.flatMap((section) => section.answers.map((a) => line(section.title?.nl ?? phase.title.nl, a)))),
    ...rest("Overige velden (zoals opgeslagen)", read.rest.answers),
  ];
}

/** The readable version (Dutch, for parents and the school): every record, in sections. */
export function accessExportPrintable(doc: AccessExport, labelled?: LabelledAnswers): Printable {
  const who = (id: string | null) => (id ? (doc.staff[id] ?? id) : "systeem");
  const p = doc.pupil;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      text: `${doc.school.name} — inzage in alle gegevens over ${p.firstName} ${p.lastName} (leerlingnummer ${p.externalId}), gemaakt op ${day(new Date(doc.generatedAt))}.`,
      muted: true,
    },
    {
      kind: "paragraph",
      text: "Het JSON-bestand bij deze inzage bevat dezelfde gegevens precies zoals ze zijn opgeslagen, ook de technische velden.",
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
              { label: "Status", text: word(nl.t, "status", c.status) },
              { label: c.teachers.length === 1 ? "Leerkracht" : "Leerkrachten", text: c.teachers.map(who).join(", ") || "—" },
              ...answerLines(c, labelled),
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
              { label: "Status", text: word(nl.t, "goalStatus", g.status) },
              { label: "Evaluatiedatum", text: g.evaluationDate ?? "—" },
              { label: "Evalueert", text: g.evaluatorId ? who(g.evaluatorId) : "—" },
              { label: "Mag gedeeld worden met ouders", text: yesNo(g.shareWithParents) },
              ...doc.evaluations
                .filter((e) => e.goalId === g.id)
                .map((e) => ({
                  label: `Evaluatie ${day(e.evaluatedAt)}`,
                  text: `${word(nl.t, "outcome", e.outcome)}${e.note ? ` — ${e.note}` : ""} (${who(e.evaluatedById)}; delen met ouders: ${yesNo(e.shareWithParents)})`,
                })),
            ],
          }),
        )
      : [{ kind: "paragraph", text: "Geen.", muted: true } as Block]),
    { kind: "heading", text: "Afspraken" },
    doc.agreements.length
      ? { kind: "list", items: doc.agreements.map((a) => `${a.who}: ${a.what} (${a.whenText}; delen met ouders: ${yesNo(a.shareWithParents)})`) }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Notities" },
    doc.notes.length
      ? {
          kind: "list",
          items: doc.notes.map(
            (n) =>
              `${day(n.createdAt)} (${who(n.authorId)}): ${n.text}${n.goalText ? ` — bij doel: ${n.goalText}` : ""}; delen met ouders: ${yesNo(n.shareWithParents)}`,
          ),
        }
      : { kind: "paragraph", text: "Geen.", muted: true },
    { kind: "heading", text: "Intern begeleider (IB'er)" },
    doc.ibAssignments.length
      ? { kind: "list", items: doc.ibAssignments.map((a) => `${who(a.staffId)}, sinds ${day(a.since)}`) }
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
      ? {
          kind: "list",
          items: doc.outboxMessages.map(
            (m) => `${day(m.dueAt)}: ${word(nl.t, "report.kind", m.kind)} aan ${who(m.recipientStaffId)} (${OUTBOX_STATUS[m.status] ?? m.status})`,
          ),
        }
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
  const printable = accessExportPrintable(doc, await labelAnswers(db, doc));
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

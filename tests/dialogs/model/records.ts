// Where every marker must be, and where it is. Expected: an open dialog holds its answers, drafts
// and pending command text in its session; a completed dialog's answers are in its records
// (Conversation answers or preparation, Goal, Agreement, Note, Evaluation rows); nothing else
// anywhere. Found: every text column of the run's rows, JSON walked to the field. Comparing the
// two finds an answer lost, landed in another field, or stored twice.
import { coachQuestion } from "../../../bot/coach/index.js";
import type { Answers } from "../../../dialogs/engine/flow.js";
import type { FieldValue } from "../../../dialogs/engine/types.js";
import type { DialogModel } from "./model.js";
import type { WorldModel } from "./turns.js";
import { markersIn } from "./values.js";
import type { RunWorld } from "./world.js";

/** marker → the places it is (a place once per occurrence). */
export type Places = Map<string, string[]>;

function add(places: Places, text: string, at: string): void {
  for (const marker of markersIn(text)) places.set(marker, [...(places.get(marker) ?? []), at]);
}

/** Every marker in a value: JSON text is walked (path per key; a list keeps its parent's path). */
function collect(places: Places, value: unknown, at: string): void {
  if (typeof value === "string") {
    if (/^[[{]/.test(value)) {
      try {
        collect(places, JSON.parse(value), at);
        return;
      } catch {
        // Not JSON: plain text.
      }
    }
    add(places, value, at);
  } else if (Array.isArray(value)) {
    for (const item of value) collect(places, item, at);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) collect(places, item, `${at}/${key}`);
  }
}

function text(answers: Answers, stepId: string, fieldId: string): string | null {
  const value: FieldValue | undefined = answers[stepId]?.[fieldId];
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/**
 * The planned questions a preparation stores beside its answers: a revised list of several lines
 * replaces the planned ones; a single revised line replaces the question the coach proposed it
 * for, else is added to them (unless it is one of them).
 */
function plannedQuestions(answers: Answers): string[] {
  // One question per line, list markers ("-", "1.") off; the same question whatever its case or spacing.
  const lines = (source: string | null) =>
    (source ?? "")
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
      .filter(Boolean);
  const same = (a: string, b: string) => a.replace(/\s+/g, " ").toLowerCase() === b.replace(/\s+/g, " ").toLowerCase();
  const planned = lines(text(answers, "questions", "questions"));
  const revised = lines(text(answers, "coach", "revised"));
  if (revised.length > 1) return revised;
  if (revised.length === 0 || planned.some((q) => same(q, revised[0]!))) return planned;
  const replaced = planned.findIndex((q) => {
    const suggestion = coachQuestion(q).suggestion;
    return suggestion !== null && same(suggestion, revised[0]!);
  });
  return replaced >= 0 ? planned.map((q, i) => (i === replaced ? revised[0]! : q)) : [...planned, revised[0]!];
}

const GOAL_COLUMNS: [string, string, string][] = [
  ["", "nowText", "nowText"],
  ["", "goalText", "goalText"],
  ["", "ownPlan", "ownPlan"],
  ["help", "helpTeacher", "helpTeacher"],
  ["help", "helpParents", "helpParents"],
  ["help", "helpOther", "helpOther"],
  ["check", "successCriteria", "successCriteria"],
];

function expectRecords(places: Places, dialog: DialogModel, final: Answers): void {
  const p = dialog.pupilLabel;
  const put = (value: string | null, at: string) => value !== null && add(places, value, at);
  switch (dialog.kind) {
    case "note":
      put(text(final, "note", "text"), `Note[${p}].text`);
      put(text(final, "note", "goal"), `Note[${p}].goalText`);
      return;
    case "evaluate":
      put(text(final, "outcome", "note"), `Evaluation[${p}].note`);
      return;
    case "prepare":
      collect(places, final, `Conversation[${p}].preparation`);
      for (const line of plannedQuestions(final)) put(line, `Conversation[${p}].preparation/plannedQuestions`);
      put(text(final, "when", "place"), `Conversation[${p}].place`);
      return;
    case "conversation":
      collect(places, final, `Conversation[${p}].answers`);
      for (let i = 1; i <= 5 && text(final, `goal${i}`, "goalText"); i++) {
        for (const [suffix, field, column] of GOAL_COLUMNS) put(text(final, `goal${i}${suffix}`, field), `Goal[${p}].${column}`);
      }
      for (let j = 1; j <= 8 && text(final, `agreement${j}`, "what"); j++) {
        put(text(final, `agreement${j}`, "who"), `Agreement[${p}].who`);
        put(text(final, `agreement${j}`, "what"), `Agreement[${p}].what`);
        put(text(final, `agreement${j}`, "when"), `Agreement[${p}].whenText`);
      }
      return;
  }
}

export function expectedPlaces(model: WorldModel): Places {
  const places: Places = new Map();
  for (const d of model.dialogs) {
    if (d.status === "active" || d.status === "paused") {
      collect(places, d.answers, `DialogSession[${d.label}].answers`);
      for (const [stepId, fields] of Object.entries(d.drafts)) {
        for (const [fieldId, draft] of Object.entries(fields)) add(places, draft.text, `DialogSession[${d.label}].rawInputs/${stepId}/${fieldId}`);
      }
      if (d.pending?.kind === "command") add(places, d.pending.text, `DialogSession[${d.label}].pending/text`);
    } else if (d.status === "completed" && d.final) {
      expectRecords(places, d, d.final);
    }
  }
  return places;
}

function scanRows(places: Places, table: string, rows: Record<string, unknown>[], labelOf: (row: Record<string, unknown>) => string): void {
  for (const row of rows) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === "string") collect(places, value, `${table}[${labelOf(row)}].${column}`);
    }
  }
}

/** The markers in the run's rows. `everywhere` adds the audit trail and the outbox (which must hold none). */
export async function foundPlaces(world: RunWorld, model: WorldModel, everywhere = false): Promise<Places> {
  const db = world.db;
  const places: Places = new Map();
  const pupilIds = world.pupils.map((p) => p.id);
  const pupilLabel = (row: Record<string, unknown>) => world.pupils.find((p) => p.id === row.pupilId)?.label ?? "?";
  const sessionLabel = (row: Record<string, unknown>) => model.bySession(String(row.id))?.label ?? `unknown ${String(row.id)}`;
  const staffId = world.actor.staffId;
  scanRows(places, "DialogSession", await db.dialogSession.findMany({ where: { staffId } }), sessionLabel);
  if (pupilIds.length > 0) {
    const byPupil = { where: { pupilId: { in: pupilIds } } };
    scanRows(places, "Conversation", await db.conversation.findMany(byPupil), pupilLabel);
    scanRows(places, "Goal", await db.goal.findMany(byPupil), pupilLabel);
    scanRows(places, "Agreement", await db.agreement.findMany(byPupil), pupilLabel);
    scanRows(places, "Note", await db.note.findMany(byPupil), pupilLabel);
    const evaluations = await db.evaluation.findMany({ where: { goal: { pupilId: { in: pupilIds } } }, include: { goal: { select: { pupilId: true } } } });
    scanRows(
      places,
      "Evaluation",
      evaluations.map(({ goal, ...row }) => ({ ...row, pupilId: goal.pupilId })),
      pupilLabel,
    );
  }
  if (everywhere) {
    scanRows(places, "AuditEvent", await db.auditEvent.findMany({ where: { actorStaffId: staffId } }), () => "teacher");
    scanRows(places, "OutboxMessage", await db.outboxMessage.findMany({ where: { recipientStaffId: staffId } }), () => "teacher");
  }
  return places;
}

/** The differences, one line per marker: where it should be and where it is. Empty when they agree. */
export function comparePlaces(expected: Places, found: Places): string[] {
  const lines: string[] = [];
  const markers = new Set([...expected.keys(), ...found.keys()]);
  for (const marker of [...markers].sort()) {
    const want = [...(expected.get(marker) ?? [])].sort();
    const got = [...(found.get(marker) ?? [])].sort();
    if (JSON.stringify(want) === JSON.stringify(got)) continue;
    const kind = got.length === 0 ? "LOST" : want.length === 0 ? "NOT EXPECTED" : got.length > want.length ? "DOUBLED" : "MISPLACED";
    lines.push(`${kind} ${marker}: expected ${want.join(", ") || "nowhere"}; found ${got.join(", ") || "nowhere"}`);
  }
  return lines;
}

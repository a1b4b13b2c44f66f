// Where typed lines go on a compact step (a numbered card), across messages: in a chat every Enter
// is a message of its own, so a line without a number continues the box typed in last on this
// card. That box, and a line still waiting for one, are kept with the step's drafts (rawInputs,
// under keys no field has), so they survive a pause, a restart and another instance.
//
// A first line without a number (no box typed in yet) waits for the teacher to name its box. It is
// not put in the first empty box: that would misplace it without her choosing, and a box she later
// types by number would then replace it. Waiting, it is shown on the card, stops "klaar" until it
// has a box (or is left out with "-"), and counts as typed for stop's question and for handing back.
//
// A numbered line replaces what its box held — the same as changing a card's input, and the only
// way to correct a box by typing — and the reply shows the old text, so nothing vanishes silently.
import { translate } from "../../bot/i18n/translate.js";
import { typedDate } from "../../bot/domain/local-time.js";
import type { CompactAnswer } from "./compact-text.js";
import type { FieldView, StepView } from "./types.js";

/** The box (field id) typed in last on this step; not a teacher's words. */
export const LAST_BOX = "__lastBox";
/** A line typed before any box, waiting for its box number; the teacher's own words. */
export const WAITING = "__waiting";

export interface CompactChange {
  /** Field id → the text to store (appended lines included). */
  values: Record<string, string>;
  lastBox: string | null;
  waiting: string | null;
  /** "klaar" and nothing waiting: submit the step. */
  done: boolean;
  unknown: string[];
  /** What the reply says about where lines went (already localized). */
  notices: string[];
}

/** Whether a draft key holds what a teacher typed (every key but the last-box marker). */
export function isTypedDraft(key: string): boolean {
  return key !== LAST_BOX;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

/** What a box shows: typed text over the stored answer or its prefill (a jot, the pupil's name, a suggested date). */
function heldText(field: FieldView): string {
  if (field.raw !== undefined) return field.raw;
  if (field.value === undefined || field.value === null) return "";
  // As the card shows it (dd-mm-jjjj), not as stored.
  if (field.kind === "date") return typedDate(String(field.value));
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  return Array.isArray(field.value) ? field.value.map(labelOf).join(", ") : labelOf(String(field.value));
}

/** Only a text box is continued by a line without a number: after a choice or a date, the card asks. */
function continues(field: FieldView | undefined): boolean {
  return field?.kind === "shortText" || field?.kind === "longText";
}

export function compactChange(view: StepView, raws: Record<string, string>, typed: CompactAnswer): CompactChange {
  const byId = new Map(view.fields.map((f, i) => [f.id, { field: f, box: `${i + 1}. ${oneLine(f.label)}` }]));
  const values: Record<string, string> = {};
  const notices: string[] = [];
  const unknown = [...typed.unknown];
  const remembered = raws[LAST_BOX];
  let lastBox = remembered !== undefined && continues(byId.get(remembered)?.field) ? remembered : null;
  let waiting = waitingLine(raws);
  const now = (id: string) => values[id] ?? heldText(byId.get(id)!.field);
  const box = (id: string) => byId.get(id)!.box;
  const append = (id: string, line: string) => {
    const before = now(id).trim();
    values[id] = before ? `${before}\n${line}` : line;
    lastBox = continues(byId.get(id)!.field) ? id : null;
    notices.push(translate(view.locale, "short.text.appended", { box: box(id) }));
  };
  const replace = (id: string, text: string) => {
    const old = now(id).trim();
    // Typing the old words back in is a way to keep both only in a text box.
    const key = continues(byId.get(id)!.field) ? "short.text.replaced" : "short.text.replacedValue";
    if (old !== "" && old !== text.trim()) notices.push(translate(view.locale, key, { box: box(id), old: oneLine(old) }));
    values[id] = text;
    lastBox = continues(byId.get(id)!.field) ? id : null;
  };

  let lead = typed.lead;
  if (waiting !== null && typed.bare !== null) {
    // The answer to "which box?": the waiting line goes there (or is left out with "-").
    lead = null;
    const field = typed.bare === "-" ? null : view.fields[typed.bare - 1];
    if (typed.bare === "-") notices.push(translate(view.locale, "short.text.dropped", { text: oneLine(waiting) }));
    else if (field) append(field.id, waiting);
    else unknown.push(String(typed.bare));
    if (typed.bare === "-" || field) waiting = null;
  }
  // "wijzig 3" asked for box 3 anew: the next line without a number is its new text.
  const editing = view.fields.find((f) => f.editing === true);
  if (lead !== null && editing) replace(editing.id, lead);
  else if (lead !== null && lastBox !== null) append(lastBox, lead);
  // No box to continue: it waits, and the card asks for its box (view.ts shows it with the step).
  else if (lead !== null) waiting = waiting === null ? lead : `${waiting}\n${lead}`;
  for (const [id, text] of Object.entries(typed.values)) replace(id, text);
  return { values, lastBox, waiting, done: typed.done && waiting === null, unknown, notices };
}

/** The line waiting for a box, if any: it holds the step up (no "klaar" past it) and is shown with it. */
export function waitingLine(raws: Record<string, string> | undefined): string | null {
  const line = raws?.[WAITING];
  return line?.trim() ? line : null;
}

/** All drafts, with this step's last box and waiting line set (or cleared). */
export function withCompactDrafts(
  rawInputs: Record<string, Record<string, string>>,
  stepId: string,
  change: Pick<CompactChange, "lastBox" | "waiting">,
): Record<string, Record<string, string>> {
  const raws = { ...(rawInputs[stepId] ?? {}) };
  delete raws[LAST_BOX];
  delete raws[WAITING];
  if (change.lastBox !== null) raws[LAST_BOX] = change.lastBox;
  if (change.waiting !== null) raws[WAITING] = change.waiting;
  const next = { ...rawInputs };
  if (Object.keys(raws).length) next[stepId] = raws;
  else delete next[stepId];
  return next;
}

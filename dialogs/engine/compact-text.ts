// Typed answers to a compact step (all its questions at once): "2: tafels van 6" fills question 2,
// further lines without a number continue the answer above them, and a last line "klaar" submits
// the step as a card would. Lines before any number (in a chat often a message of their own) are
// handed back as `lead`: where they go depends on what was typed before (compact-state.ts).
// The numbers are those the text view shows (render/compact-text.ts).
import type { StepView } from "./types.js";

const NUMBERED = /^\s*(\d{1,2})\s*[:.)=]\s?(.*)$/;
const DONE = /^(klaar|ok|oké|oke|opslaan|volgende|done|save|next)[.!]?$/i;
const BARE = /^\s*(\d{1,2}|-)\s*$/;

export interface CompactAnswer {
  /** Lines typed before the first number, joined; null when the text began with a number. */
  lead: string | null;
  /** Field id → what was typed for it (continuation lines included), in the order typed. */
  values: Record<string, string>;
  /** The teacher said "klaar": submit the step as it stands. */
  done: boolean;
  /** Numbered lines for questions that do not exist, kept to show back. */
  unknown: string[];
  /** The whole text was a bare number ("2") or "-": the answer to "which box?" when a line waits. */
  bare: number | "-" | null;
}

/** Whether a typed word submits a compact step (also alone on a line). */
export function isDoneWord(text: string): boolean {
  return DONE.test(text.trim());
}

/** Null when the text holds nothing at all. */
export function compactAnswer(view: StepView, text: string): CompactAnswer | null {
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
  while (lines.length && lines[0]!.trim() === "") lines.shift();
  if (lines.length === 0) return null;
  const bareMatch = lines.length === 1 ? BARE.exec(lines[0]!) : null;
  const bare = bareMatch ? (bareMatch[1] === "-" ? "-" : Number(bareMatch[1])) : null;
  const done = isDoneWord(lines[lines.length - 1]!);
  if (done) lines.pop();
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  const lead: string[] = [];
  let current: string | null = null;
  let numbered = false;
  for (const line of lines) {
    const match = NUMBERED.exec(line);
    if (match) {
      numbered = true;
      const field = view.fields[Number(match[1]) - 1];
      current = field?.id ?? null;
      if (field) {
        // A box typed twice in one message: the later line wins, and it moves to the end of the order.
        delete values[field.id];
        values[field.id] = match[2]!.trim();
      } else unknown.push(line.trim());
    } else if (current !== null) {
      values[current] = `${values[current]}\n${line}`.trim();
    } else if (!numbered && line.trim() !== "") {
      lead.push(line.trim());
    } else if (line.trim() !== "") {
      // Continuing a line for a question that is not there: shown back with it.
      unknown[unknown.length - 1] = `${unknown[unknown.length - 1]} ${line.trim()}`;
    }
  }
  return { lead: lead.length ? lead.join("\n") : null, values, done, unknown, bare };
}

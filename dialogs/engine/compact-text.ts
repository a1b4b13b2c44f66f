// Typed answers to a compact step (all its questions at once): "2: tafels van 6" fills question 2,
// further lines without a number continue the answer above them, and a last line "klaar" submits
// the step as a card would. The numbers are those the text view shows (render/compact-text.ts).
import type { StepView } from "./types.js";

const NUMBERED = /^\s*(\d{1,2})\s*[:.)=]\s?(.*)$/;
const DONE = /^(klaar|ok|oké|oke|opslaan|volgende|done|save|next)[.!]?$/i;

export interface CompactAnswer {
  /** Field id → what was typed for it. */
  values: Record<string, string>;
  /** The teacher said "klaar": submit the step as it stands. */
  done: boolean;
  /** Numbered lines for questions that do not exist, kept to show back. */
  unknown: string[];
}

/** Whether a typed word submits a compact step (also alone on a line). */
export function isDoneWord(text: string): boolean {
  return DONE.test(text.trim());
}

/** Null when the text holds no numbered line and no "klaar": it is then an answer like any other. */
export function compactAnswer(view: StepView, text: string): CompactAnswer | null {
  const lines = text.split(/\r?\n/);
  while (lines.length && lines[lines.length - 1]!.trim() === "") lines.pop();
  const done = lines.length > 0 && isDoneWord(lines[lines.length - 1]!);
  if (done) lines.pop();
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      const field = view.fields[Number(numbered[1]) - 1];
      current = field?.id ?? null;
      if (field) values[field.id] = numbered[2]!.trim();
      else unknown.push(line.trim());
    } else if (current !== null) {
      values[current] = `${values[current]}\n${line}`.trim();
    } else if (line.trim() !== "") {
      // Text before any number: not a compact answer (the caller files it as usual).
      return null;
    }
  }
  if (!done && Object.keys(values).length === 0 && unknown.length === 0) return null;
  return { values, done, unknown };
}

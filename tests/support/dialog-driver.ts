// Answers dialog steps the way a teacher filling in a card would: every field with a valid,
// realistic value for its kind, unless the test overrides it.
import type { DialogEngine, EngineResult } from "../../dialogs/engine/engine.js";
import type { StepView } from "../../dialogs/engine/types.js";
import type { Actor } from "../../bot/auth/actor.js";
import { addDays, schoolDayOnOrAfter, type SchoolCalendar } from "../../bot/domain/school-calendar.js";

export { addDays };

/** A test school's calendar: Monday–Friday, no closures of its own (public holidays still close it). */
const PLAIN_CALENDAR: SchoolCalendar = { timezone: "Europe/Amsterdam", schoolDays: new Set([1, 2, 3, 4, 5]), dayStart: "08:30", dayEnd: "15:00", closures: [] };

/**
 * About `days` ahead, moved on to a school day by the product's own rule: a date the school-date
 * rule accepts in a test school without its own holidays, whatever day the suite runs (dates a
 * teacher picks must be school days; three weeks from 4 December is Christmas Day).
 */
export function weekdayAhead(today: string, days = 14): string {
  return schoolDayOnOrAfter(PLAIN_CALENDAR, addDays(today, days));
}

const LONG_TEXT: Record<string, string> = {
  what: "leest elke dag 10 minuten in het eigen leesboek",
  observableGoal: "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak",
  goalText: "Ik wil de tafels van 6 en 7 foutloos opzeggen",
  questions: "Wat ging er goed deze week?\nHoe pak je een lastige som aan?",
};

export function autoValues(view: StepView, today: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const f of view.fields) {
    if (Object.hasOwn(overrides, f.id)) {
      values[f.id] = overrides[f.id];
      continue;
    }
    switch (f.kind) {
      case "shortText":
        values[f.id] = f.id === "who" ? "Sam en juf Anna" : f.id === "when" ? "elke dag na de instructie" : `kort ${f.id}`;
        break;
      case "longText":
        values[f.id] = LONG_TEXT[f.id] ?? `antwoord op ${f.id}`;
        break;
      case "number":
        values[f.id] = String(Math.min(f.max ?? 15, Math.max(f.min ?? 0, 15)));
        break;
      case "yesNo":
        values[f.id] = f.id === "another" ? "false" : "true";
        break;
      case "date":
        values[f.id] = weekdayAhead(today);
        break;
      case "time":
        values[f.id] = "10:30";
        break;
      case "singleChoice":
      case "pupil":
      case "multiChoice":
        values[f.id] = f.options?.[0]?.value ?? "";
        break;
    }
  }
  return values;
}

export interface Walk {
  result: EngineResult;
  visited: string[];
}

/** Submits every step with auto values (plus per-step overrides) until the dialog completes. */
export async function walkToEnd(
  engine: DialogEngine,
  actor: Actor,
  first: EngineResult,
  today: string,
  overrides: Record<string, Record<string, unknown>> = {},
  maxSteps = 60,
): Promise<Walk> {
  let result = first;
  const visited: string[] = [];
  for (let i = 0; i < maxSteps && result.kind === "step"; i++) {
    const view = result.view;
    visited.push(view.stepId);
    const next = await engine.submit(actor, {
      sessionId: view.sessionId,
      stepId: view.stepId,
      version: view.version,
      action: "submit",
      values: autoValues(view, today, overrides[view.stepId]),
    });
    if (next.kind === "step" && next.view.stepId === view.stepId) {
      const errors = next.view.fields.filter((f) => f.error).map((f) => `${f.id}: ${f.error}`);
      throw new Error(`step ${view.stepId} did not advance: ${[...errors, ...next.view.errors].join("; ")}`);
    }
    result = next;
  }
  return { result, visited };
}

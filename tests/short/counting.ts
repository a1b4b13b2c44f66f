// Counting what a teacher does with the short way: a field counts as typed when it is a text,
// date or number input and what is sent differs from what the card or modal already held
// (a pre-filled jot, the pupil's name as "who", a suggested date are not typed again).
import type { Db } from "../../bot/db/client.js";
import { type Card, cardInputs } from "../support/teams-driver.js";
import { weekdayAhead } from "../support/dialog-driver.js";

const TYPED_INPUTS = new Set(["Input.Text", "Input.Date", "Input.Number"]);

/** Typed fields in a Teams card submit (`values` keyed by input id). */
export function typedFieldsOf(card: Card, values: Record<string, string>): number {
  return cardInputs(card).filter((input) => {
    if (!TYPED_INPUTS.has(String(input.type))) return false;
    const sent = values[String(input.id)] ?? "";
    return sent.trim() !== "" && sent !== String(input.value ?? "");
  }).length;
}

type SlackBlock = { type: string; block_id?: string; element?: Record<string, unknown> & { type: string } };
const SLACK_TYPED = new Set(["plain_text_input", "datepicker", "number_input"]);

/** Typed fields in a Slack modal submit (`state` as Slack sends view.state.values). */
export function typedInModal(blocks: SlackBlock[], state: Record<string, Record<string, Record<string, unknown>>>): number {
  return blocks.filter((block) => {
    if (block.type !== "input" || !block.block_id || !block.element || !SLACK_TYPED.has(block.element.type)) return false;
    const sent = Object.values(state[block.block_id] ?? {})[0] ?? {};
    const value = String(sent.value ?? sent.selected_date ?? "");
    const initial = String(block.element.initial_value ?? block.element.initial_date ?? "");
    return value.trim() !== "" && value !== initial;
  }).length;
}

/** A school holiday of one weekday about four weeks ahead, for this school only; returns its date. */
export async function addHoliday(db: Db, schoolId: string, today: string): Promise<string> {
  const date = weekdayAhead(today, 28);
  await db.schoolClosure.create({ data: { schoolId, kind: "holiday", name: "Studiedag", startDate: date, endDate: date } });
  return date;
}

type SlackElement = Record<string, unknown> & { type: string };

/** A modal's state as Slack sends it: every input as shown (initial values), with the overrides typed in. */
export function modalState(blocks: SlackBlock[], overrides: Record<string, string> = {}): Record<string, Record<string, Record<string, unknown>>> {
  const state: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const block of blocks) {
    if (block.type !== "input" || !block.block_id || !block.element) continue;
    const element = block.element as SlackElement;
    const field = block.block_id.replace(/^f_/, "");
    const options = (element.options as Array<{ text: unknown; value: string }> | undefined) ?? [];
    const initial = element.initial_option as { value: string } | undefined;
    const wanted = field in overrides ? overrides[field]! : String(element.initial_value ?? element.initial_date ?? initial?.value ?? "");
    const value: Record<string, unknown> = { type: element.type };
    if (element.type === "datepicker") value.selected_date = wanted || null;
    else if (element.type === "radio_buttons" || element.type === "static_select") {
      const chosen = options.find((o) => o.value === wanted);
      value.selected_option = chosen ? { text: chosen.text, value: chosen.value } : null;
    } else value.value = wanted;
    state[block.block_id] = { value };
  }
  return state;
}

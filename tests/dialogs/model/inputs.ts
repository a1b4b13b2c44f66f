// What the simulated teacher sends, built from the model's state: the line typed for the field
// asked, and a card's inputs as a channel sends them (a stored answer shown again and sent back as
// is, a default pre-filled, new values with new markers, inputs emptied on purpose).
import type { FieldDefinition } from "../../../dialogs/engine/types.js";
import type { CardAction, Fill } from "./commands.js";
import type { ShownView } from "./drivers.js";
import type { DialogModel } from "./model.js";
import { asCardValue, emptyValue, type Generated, invalidValue, type Markers, type Parsed, validValue } from "./values.js";

export interface Typed {
  text: string;
  parsed: Parsed;
}

import { isTextField } from "./values.js";

/** A line for the field typed text goes to now (DialogModel.target); a line answering nothing when none is asked. */
export function typedAnswer(dialog: DialogModel | undefined, kind: "valid" | "invalid" | "empty", pick: number, markers: Markers, today: string): Typed {
  const field = dialog?.target();
  if (!dialog || !field) {
    const text = `Losse opmerking ${markers.next()}`;
    return { text, parsed: { ok: false, raw: text } };
  }
  const ctx = { pick, markers, today, stepId: dialog.step().id, via: "typed" as const };
  const generated =
    kind === "empty" ? emptyValue(field, "typed") : kind === "invalid" ? (invalidValue(field, ctx) ?? validValue(field, ctx)) : validValue(field, ctx);
  return { text: String(generated.raw), parsed: generated.parsed };
}

/** "ok" as an answer to the field: the word for a text; for a yes/no it is not an answer (kept as typed). */
export function okParsed(field: FieldDefinition | undefined): Parsed | null {
  if (!field || field.kind === "yesNo") return { ok: false, raw: "ok" };
  if (isTextField(field)) return { ok: true, value: "ok" };
  return null;
}

/** A control word typed where the field asked offers it as an option is that option. */
export function wordParsed(field: FieldDefinition | undefined, word: string): Parsed {
  const option = field?.options?.find((o) => o.value.toLowerCase() === word || o.label.nl.toLowerCase() === word);
  if (!option) return { ok: false, raw: word };
  return { ok: true, value: field?.kind === "multiChoice" ? [option.value] : option.value };
}

export interface Card {
  values: Record<string, string | string[]>;
  parsed: Record<string, Parsed>;
}

const bit = (pick: number, i: number) => ((pick >> (i % 20)) & 1) === 1;

/** Which stored answers a card sends back unchanged: all (the teacher only presses OK), none, or some. */
export type Keep = "all" | "none" | "some";

/**
 * The inputs a step card sends. Skip and cancel send none (Teams: associatedInputs "none"); submit,
 * back and pause send every input: a stored answer or a default as shown (kept), or a new value.
 */
export function cardInputs(
  dialog: DialogModel | undefined,
  view: ShownView,
  action: CardAction,
  fill: Fill,
  pick: number,
  markers: Markers,
  today: string,
  keep: Keep = "some",
): Card {
  const card: Card = { values: {}, parsed: {} };
  if (action === "skip" || action === "cancel") return card;
  const step = dialog?.steps().find((s) => s.id === view.stepId);
  const fields: FieldDefinition[] =
    step?.fields ??
    view.fieldIds.map((id) => ({
      id,
      kind: "shortText",
      required: false,
      shareable: false,
      skills: [],
      coach: false,
      educationalNeed: false,
      label: { nl: id, en: id },
    }));
  const required = fields.filter((f) => f.required);
  const emptied = fill === "requiredEmpty" && required.length > 0 ? required[pick % required.length]!.id : null;
  const stored = dialog?.answers[view.stepId] ?? {};
  fields.forEach((field, i) => {
    const ctx = { pick: pick + i * 7, markers, today, stepId: view.stepId, via: "card" as const };
    const kept = keep === "all" || (keep === "some" && bit(pick, i));
    const shown = stored[field.id] ?? field.defaultValue;
    let generated: Generated;
    if (field.id === emptied || (fill === "optionalEmpty" && !field.required && bit(pick, i + 3))) generated = emptyValue(field, "card");
    else if (shown !== undefined && kept) generated = { raw: asCardValue(shown), parsed: { ok: true, value: shown } };
    else generated = validValue(field, ctx);
    card.values[field.id] = generated.raw;
    card.parsed[field.id] = generated.parsed;
  });
  return card;
}

// What the simulated teacher types or puts on a card for one field, and what the model expects the
// engine to make of it. Every text carries a unique marker ("[k12]"), so the test can find each
// answer wherever it ended up. Values are valid for their field (SMART agreements, future dates),
// unless the command asks for an invalid one.
import type { FieldDefinition, FieldValue } from "../../../dialogs/engine/types.js";
import { weekdayAhead } from "../../support/dialog-driver.js";

/** What the model expects: a stored value, or an error (with what was typed, kept as a draft). */
export type Parsed = { ok: true; value: FieldValue } | { ok: false; raw: string | null };

export interface Generated {
  /** What is typed, or sent on a card (Teams sends strings; a Slack checkbox list sends an array). */
  raw: string | string[];
  parsed: Parsed;
}

/** A source of unique markers for one run. */
export class Markers {
  private n = 0;
  next(): string {
    return `[k${++this.n}]`;
  }
}

export const MARKER = /\[k\d+\]/g;

export function markersIn(text: string): string[] {
  return text.match(MARKER) ?? [];
}

export interface ValueContext {
  pick: number;
  markers: Markers;
  /** Today in the school's timezone. */
  today: string;
  stepId: string;
  /** Typed in the chat (one line, words) or sent on a card (values as a channel sends them). */
  via: "typed" | "card";
}

const TEXTS = ["antwoord", "Het ging goed", "Zegt zelf", "rekenen en taal", "Wil meer oefenen"];
const WHO = ["Sam", "juf Anna", "ik", "meester Tim"];
const WHAT = [
  "leest elke dag 10 minuten in het eigen leesboek",
  "oefent elke dag 5 minuten de tafels",
  "vraagt hulp na de instructie door de hand op te steken",
];
const WHEN = ["elke dag na de instructie", "elke maandag", "vrijdag 12 december"];
const YES_TYPED = ["ja", "yes", "j", "Ja"];
const NO_TYPED = ["nee", "no", "n", "Nee"];

const ok = (value: FieldValue): Parsed => ({ ok: true, value });
const pickOf = <T>(list: readonly T[], pick: number): T => list[pick % list.length]!;

function textValue(field: FieldDefinition, ctx: ValueContext): Generated {
  const m = ctx.markers.next();
  let text: string;
  if (field.id === "who") text = `${pickOf(WHO, ctx.pick)} ${m}`;
  else if (field.id === "what") text = `${pickOf(WHAT, ctx.pick)} ${m}`;
  else if (field.id === "when") text = `${pickOf(WHEN, ctx.pick)} ${m}`;
  else if (field.id === "questions" && ctx.via === "card" && ctx.pick % 2 === 0) text = `Wat ging goed ${m}?\nWat wil je leren ${ctx.markers.next()}?`;
  else if (field.id === "questions" || field.id === "revised") text = `Wat vind je lastig ${m}?`;
  else text = `${pickOf(TEXTS, ctx.pick)} ${m}`;
  return { raw: text, parsed: ok(text) };
}

/** The distinct option values, in order (options may be listed once per language). */
const optionValues = (field: FieldDefinition) => [...new Set((field.options ?? []).map((o) => o.value))];

/** Whether "another goal/agreement?" may say yes here: at most two goals and two agreements. */
function mayLoop(stepId: string): boolean {
  const loop = /^(?:goal(\d+)check|agreement(\d+))$/.exec(stepId);
  return loop !== null && Number(loop[1] ?? loop[2]) < 2;
}

function yesNoValue(field: FieldDefinition, ctx: ValueContext): Generated {
  let yes = ctx.pick % 2 === 0;
  if (field.id === "confirmed") yes = true;
  if (field.id === "another") yes = mayLoop(ctx.stepId) && ctx.pick % 3 === 0;
  if (ctx.via === "card") return { raw: String(yes), parsed: ok(yes) };
  return { raw: pickOf(yes ? YES_TYPED : NO_TYPED, ctx.pick >> 2), parsed: ok(yes) };
}

/** The formats a preparation may choose: the three of the bouwen (the others validate meaning). */
const PREPARE_FORMATS = ["middenbouw-kindgesprek", "bovenbouw-kindgesprek", "onderbouw-welbevinden"];

function choiceValue(field: FieldDefinition, ctx: ValueContext): Generated {
  const values = field.id === "format" ? optionValues(field).filter((v) => PREPARE_FORMATS.includes(v)) : optionValues(field);
  const value = pickOf(values, ctx.pick);
  if (ctx.via === "typed" && ctx.pick % 3 === 1 && field.id !== "format") {
    // Typed as its number in the list.
    return { raw: String(optionValues(field).indexOf(value) + 1), parsed: ok(value) };
  }
  return { raw: value, parsed: ok(value) };
}

function multiValue(field: FieldDefinition, ctx: ValueContext): Generated {
  const values = optionValues(field);
  const chosen = [...new Set([pickOf(values, ctx.pick), pickOf(values, ctx.pick >> 3)])];
  if (ctx.via === "typed") return { raw: chosen.join(ctx.pick % 2 ? ", " : " en "), parsed: ok(chosen) };
  // Teams sends a multi-select as "a,b"; Slack's checkboxes as a list.
  return { raw: ctx.pick % 2 ? chosen.join(",") : chosen, parsed: ok(chosen) };
}

function dateValue(field: FieldDefinition, ctx: ValueContext): Generated {
  // A date that must be a school day (a new evaluation date) takes the proposed one.
  if (typeof field.defaultValue === "string") return { raw: field.defaultValue, parsed: ok(field.defaultValue) };
  // A school day (no closures of its own in the test school): a weekend or public holiday moves on.
  const date = weekdayAhead(ctx.today, 8 + (ctx.pick % 40));
  if (ctx.via === "typed" && ctx.pick % 2) {
    const [y, m, d] = date.split("-");
    return { raw: `${Number(d)}-${Number(m)}-${y}`, parsed: ok(date) };
  }
  return { raw: date, parsed: ok(date) };
}

function timeValue(ctx: ValueContext): Generated {
  const options: [string, string][] = [
    ["10:30", "10:30"],
    ["9.15", "09:15"],
    ["14 uur", "14:00"],
  ];
  const [raw, value] = ctx.via === "card" ? options[0]! : pickOf(options, ctx.pick);
  return { raw, parsed: ok(value) };
}

function numberValue(field: FieldDefinition, ctx: ValueContext): Generated {
  const min = field.min ?? 0;
  const max = field.max ?? 100;
  const n = min + (ctx.pick % (max - min + 1));
  return { raw: String(n), parsed: ok(n) };
}

/** A valid value for the field. */
export function validValue(field: FieldDefinition, ctx: ValueContext): Generated {
  switch (field.kind) {
    case "shortText":
    case "longText":
      return textValue(field, ctx);
    case "yesNo":
      return yesNoValue(field, ctx);
    case "singleChoice":
    case "pupil":
      return choiceValue(field, ctx);
    case "multiChoice":
      return multiValue(field, ctx);
    case "date":
      return dateValue(field, ctx);
    case "time":
      return timeValue(ctx);
    case "number":
      return numberValue(field, ctx);
  }
}

/** Text that does not parse for the field (a date, time, number, yes/no or choice); null for text fields. */
export function invalidValue(field: FieldDefinition, ctx: ValueContext): Generated | null {
  const words: Partial<Record<FieldDefinition["kind"], string>> = {
    yesNo: "misschien",
    singleChoice: "iets heel anders",
    multiChoice: "iets heel anders",
    date: "ooit eens",
    time: "na de pauze",
    number: "best veel",
  };
  const word = words[field.kind];
  if (!word) return null;
  const raw = `${word} ${ctx.markers.next()}`;
  return { raw, parsed: { ok: false, raw } };
}

/** Left empty: "" on a card, "-" typed. Optional fields store "" (or [] for a list); required ones fail. */
export function emptyValue(field: FieldDefinition, via: "typed" | "card"): Generated {
  const raw = via === "typed" ? "-" : "";
  if (field.required) return { raw, parsed: { ok: false, raw: via === "typed" ? "-" : null } };
  return { raw, parsed: ok(field.kind === "multiChoice" ? [] : "") };
}

export const isTextField = (field: FieldDefinition | undefined): boolean => field?.kind === "shortText" || field?.kind === "longText";

/** A command's text as the answer to a field (the teacher said it was one): text, else a typo kept as typed. */
export function commandAsAnswer(field: FieldDefinition | undefined, text: string): Parsed {
  return isTextField(field) ? { ok: true, value: text.trim() } : { ok: false, raw: text.trim() };
}

/** A stored value as a card shows it again (pre-filled) and sends it back. */
export function asCardValue(value: FieldValue): string {
  if (Array.isArray(value)) return value.join(",");
  return String(value);
}

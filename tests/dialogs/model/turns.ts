// The teacher's dialogs (at most one in the foreground) and what a typed line or a submitted card
// does to them, in the model: control words act and are never stored, a pending question is
// answered first, a line that reads as a command asks, everything else answers the field asked.
import type { FieldDefinition } from "../../../dialogs/engine/types.js";
import { LEGACY, type DialogModel, type Outcome } from "./model.js";
import type { Parsed } from "./values.js";

export class WorldModel {
  readonly dialogs: DialogModel[] = [];

  active(): DialogModel | undefined {
    return this.dialogs.find((d) => d.status === "active");
  }

  open(): DialogModel[] {
    return this.dialogs.filter((d) => d.status === "active" || d.status === "paused");
  }

  bySession(sessionId: string): DialogModel | undefined {
    return this.dialogs.find((d) => d.sessionId === sessionId);
  }

  /** One dialog in the foreground: starting or resuming another pauses it (and drops its question). */
  private pauseActive(): void {
    for (const d of this.dialogs) {
      if (d.status !== "active") continue;
      d.status = "paused";
      d.pending = null;
    }
  }

  started(dialog: DialogModel): void {
    this.pauseActive();
    this.dialogs.push(dialog);
  }

  resumed(dialog: DialogModel): void {
    this.pauseActive();
    dialog.status = "active";
    dialog.pending = null;
  }
}

const CANCEL_YES = new Set(["ja", "yes", "stop", "stoppen"]);
const CANCEL_NO = new Set(["nee", "no", "verder"]);
const CANCEL_PAUSE = new Set(["pauze"]);
const COMMAND_YES = new Set(["ja", "yes"]);
const COMMAND_NO = new Set(["nee", "no"]);
const CONFIRM = new Set(["ok", "oké", "oke", "ja", "volgende", "klaar", "yes", "next", "done"]);
const SHOW = new Set(["help", "hulp", "?", "verder", "hervat", "doorgaan", "resume", "continue"]);
const ACTIONS: Record<string, "back" | "skip" | "pause" | "cancel"> = {
  terug: "back",
  back: "back",
  vorige: "back",
  overslaan: "skip",
  skip: "skip",
  pauze: "pause",
  pauzeren: "pause",
  pause: "pause",
  later: "pause",
  stop: "cancel",
  stoppen: "cancel",
  annuleren: "cancel",
  cancel: "cancel",
};
const EDIT = /^(?:wijzig|edit|verander|change)\s+(\d+)$/;

/** A typed control word (terug, pauze, help, wijzig 2, …): never an answer, unless it names an option. */
export function isControlWord(text: string): boolean {
  const t = text.trim().toLowerCase();
  return SHOW.has(t) || t in ACTIONS || EDIT.test(t);
}

function namesOption(field: FieldDefinition | undefined, typed: string): boolean {
  return field?.options?.some((o) => o.value.toLowerCase() === typed || o.label.nl.toLowerCase() === typed) ?? false;
}

export interface TypedInput {
  text: string;
  /** What the text means as an answer to the field it goes to (see DialogModel.typedField). */
  parsed: Parsed;
  /** The text reads as a bot command ("leerling …", "overzicht"). */
  commandLike: boolean;
  /** Whether the engine asked before stopping, for the case the semantics leave open. */
  askedOnStop: () => boolean;
}

/** The field typed text goes to now: the one being changed ("wijzig n"), else the one asked. */
export function typedField(dialog: DialogModel): FieldDefinition | undefined {
  const pending = dialog.pending;
  if (pending?.kind === "edit") return dialog.step().fields.find((f) => f.id === pending.fieldId);
  return dialog.target();
}

function stop(dialog: DialogModel, input: TypedInput): Outcome {
  if (LEGACY) return dialog.cancel();
  const filled = dialog.filled();
  return dialog.stop(filled === "unsure" ? input.askedOnStop() : filled);
}

/** Answers the dialog's pending question, or returns null when the text is not an answer to it. */
function answerPending(dialog: DialogModel, t: string, input: TypedInput): Outcome | null {
  const pending = dialog.pending;
  if (pending?.kind === "cancel") {
    if (CANCEL_YES.has(t)) return dialog.cancel();
    if (CANCEL_PAUSE.has(t)) return dialog.pause();
    if (CANCEL_NO.has(t)) {
      dialog.pending = null;
      return "unchanged";
    }
  } else if (pending?.kind === "command") {
    if (COMMAND_YES.has(t)) {
      dialog.pending = null;
      return "unchanged";
    }
    if (COMMAND_NO.has(t)) return dialog.submit({ [pending.fieldId]: { ok: true, value: pending.text.trim() } }, false);
  } else if (pending?.kind === "edit") {
    if (t === "ok") {
      dialog.pending = null;
      return "unchanged";
    }
    if (!isControlWord(t)) return dialog.submit({ [pending.fieldId]: input.parsed }, false);
  }
  dialog.pending = null;
  return null;
}

/** A line typed while a dialog is in the foreground. */
export function typedTurn(world: WorldModel, input: TypedInput): Outcome {
  const dialog = world.active();
  if (!dialog) return "unchanged";
  const t = input.text.trim().toLowerCase();
  const answered = answerPending(dialog, t, input);
  if (answered) return answered;
  const target = dialog.target();
  if (LEGACY && SHOW.has(t)) return "unchanged";
  if (LEGACY && EDIT.test(t)) {
    const field = dialog.step().fields[Number(EDIT.exec(t)![1]) - 1];
    if (field && dialog.answers[dialog.stepId]) delete dialog.answers[dialog.stepId]![field.id];
    return "unchanged";
  }
  if (!namesOption(target, t)) {
    if (SHOW.has(t)) return "unchanged";
    const edit = EDIT.exec(t);
    if (edit) {
      const field = dialog.step().fields[Number(edit[1]) - 1];
      if (field) dialog.pending = { kind: "edit", fieldId: field.id };
      return "unchanged";
    }
    const action = ACTIONS[t];
    if (action === "back") return dialog.back({});
    if (action === "skip") return dialog.skip({});
    if (action === "pause") return dialog.pause();
    if (action === "cancel") return stop(dialog, input);
  }
  if (!target) return CONFIRM.has(t) ? dialog.submit({}, true) : "unchanged";
  if (t === "ok" && dialog.targetIsDefault()) return dialog.submit({ [target.id]: { ok: true, value: target.defaultValue! } }, false);
  if (input.commandLike && !LEGACY && !namesOption(target, t)) {
    dialog.pending = { kind: "command", text: input.text, fieldId: target.id };
    return "question";
  }
  return dialog.submit({ [target.id]: input.parsed }, false);
}

export interface CardInput {
  sessionId: string;
  action: "submit" | "back" | "skip" | "pause" | "cancel";
  values: Record<string, Parsed>;
  /** For the session's current step and version, the session active and the teacher's own. */
  fresh: boolean;
  askedOnStop: () => boolean;
}

/** A card or modal submission: only a fresh one changes anything. */
export function cardTurn(world: WorldModel, input: CardInput): Outcome {
  const dialog = world.bySession(input.sessionId);
  if (!input.fresh || !dialog || dialog.status !== "active") return "unchanged";
  switch (input.action) {
    case "submit":
      return dialog.submit(input.values, true);
    case "back":
      return dialog.back(input.values);
    case "skip":
      return dialog.skip(input.values);
    case "pause":
      return dialog.pause(input.values);
    case "cancel": {
      if (LEGACY) return dialog.cancel();
      const filled = dialog.filled();
      return dialog.stop(filled === "unsure" ? input.askedOnStop() : filled);
    }
  }
}

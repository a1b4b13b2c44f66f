// The teacher's dialogs (at most one in the foreground) and what a typed line or a submitted card
// does to them, in the model: control words act and are never stored, a pending question is
// answered first, a line that reads as a command asks, everything else answers the field asked.
import type { FieldDefinition } from "../../../dialogs/engine/types.js";
import type { DialogModel, Outcome, Pending } from "./model.js";
import { commandAsAnswer, type Parsed } from "./values.js";

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

/** How a question is answered: by its buttons, or by typing one of these words. */
export type Choice = "yes" | "no" | "pause";
const REPLIES: Record<Pending["kind"], Record<string, Choice>> = {
  cancel: Object.fromEntries([
    ...["ja", "j", "yes", "y", "stop", "stoppen"].map((w) => [w, "yes"]),
    ...["nee", "n", "no", "verder", "doorgaan", "continue"].map((w) => [w, "no"]),
    ...["pauze", "pauzeren", "pause", "later"].map((w) => [w, "pause"]),
  ]),
  command: Object.fromEntries([...["ja", "j", "yes", "y"].map((w) => [w, "yes"]), ...["nee", "n", "no"].map((w) => [w, "no"])]),
  edit: Object.fromEntries(["ok", "oké", "oke", "houden", "keep"].map((w) => [w, "no"])),
};
export const REPLY_WORDS = { cancel: Object.keys(REPLIES.cancel), command: Object.keys(REPLIES.command), edit: Object.keys(REPLIES.edit) };

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

/** A field whose options include the typed word: then the word is an answer, not a control word. */
function namesOption(field: FieldDefinition | undefined, typed: string): boolean {
  return field?.options?.some((o) => o.value.toLowerCase() === typed || o.label.nl.toLowerCase() === typed) ?? false;
}

export interface TypedInput {
  text: string;
  /** What the text means as an answer to the field it goes to (DialogModel.target). */
  parsed: Parsed;
  /** The text reads as a bot command ("leerling …", "overzicht"). */
  commandLike: boolean;
}

/** The answer to the question the dialog asked, by button or reply word. */
function answerPending(dialog: DialogModel, choice: Choice): Outcome {
  const pending = dialog.pending!;
  if (pending.kind === "cancel" && choice === "yes") return dialog.cancel();
  if (pending.kind === "cancel" && choice === "pause") return dialog.pause();
  const asked = pending.kind === "command" ? dialog.step().fields.find((f) => f.id === pending.fieldId) : undefined;
  if (pending.kind === "command" && choice === "no" && asked) return dialog.submit({ [asked.id]: commandAsAnswer(asked, pending.text) }, false);
  // No (a command: it runs, the dialog stays put; "ok" to a change: the answer stays).
  dialog.pending = null;
  return "unchanged";
}

/** A line typed while a dialog is in the foreground. */
export function typedTurn(world: WorldModel, input: TypedInput): Outcome {
  const dialog = world.active();
  if (!dialog) return "unchanged";
  const t = input.text.trim().toLowerCase();
  if (dialog.pending) {
    const choice = REPLIES[dialog.pending.kind][t.replace(/[.!]+$/, "")];
    if (choice) return answerPending(dialog, choice);
    // Other text drops a stop or command question; a field being changed keeps waiting.
    if (dialog.pending.kind !== "edit") dialog.pending = null;
  }
  const target = dialog.target();
  const option = namesOption(target, t);
  if (SHOW.has(t) && !option) return "unchanged";
  const edit = EDIT.exec(t);
  if (edit) {
    const field = dialog.step().fields[Number(edit[1]) - 1];
    if (field) dialog.pending = { kind: "edit", fieldId: field.id };
    return "unchanged";
  }
  const action = option ? undefined : ACTIONS[t];
  if (action === "back") return dialog.back({});
  if (action === "skip") return dialog.skip({});
  if (action === "pause") return dialog.pause();
  if (action === "cancel") return dialog.stop();
  const confirms = CONFIRM.has(t);
  if (input.commandLike && !option && !(confirms && !target)) {
    dialog.pending = { kind: "command", text: input.text.trim(), fieldId: target?.id ?? null };
    return "question";
  }
  if (!target) return confirms ? dialog.submit({}, true) : "unchanged";
  const keep = dialog.keepable();
  // "ok" keeps what the field shows as filled in (a default, or the answer being changed).
  if (t === "ok" && keep !== undefined) return dialog.submit({ [target.id]: { ok: true, value: keep } }, false);
  return dialog.submit({ [target.id]: input.parsed }, false);
}

/** A button under a question (by session id: an old button finds no question, or another dialog). */
export function buttonTurn(world: WorldModel, sessionId: string, choice: Choice): Outcome {
  const dialog = world.bySession(sessionId);
  if (dialog?.status !== "active" || !dialog.pending) return "unchanged";
  return answerPending(dialog, choice);
}

export interface CardInput {
  sessionId: string;
  action: "submit" | "back" | "skip" | "pause" | "cancel";
  values: Record<string, Parsed>;
  /** For the session's current step and version, the session active and the teacher's own. */
  fresh: boolean;
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
    case "cancel":
      return dialog.stop(input.values);
  }
}

// Runs the commands of a generated sequence: each one made concrete from the model's state (a
// command that means nothing in this state is skipped), then every open dialog is finished by
// pressing OK on its cards, so every answer the model says is kept must reach the records.
import type { Db } from "../../../bot/db/client.js";
import type { CommandAction } from "../../../bot/channel/types.js";
import type { FieldDefinition } from "../../../dialogs/engine/types.js";
import type { Cmd, FlowName } from "./commands.js";
import type { Driver, ShownView } from "./drivers.js";
import { Harness, stats } from "./harness.js";
import { cardInputs, okParsed, typedAnswer, wordParsed } from "./inputs.js";
import { DialogModel } from "./model.js";
import { type Choice, REPLY_WORDS } from "./turns.js";
import { commandAsAnswer, isTextField, Markers, type Parsed } from "./values.js";
import { addGoal, addPupil, BOUWEN, createRunWorld, loadSteps, type PupilRef } from "./world.js";

/** What literal text means as an answer to the field asked: given, else text for a text field, ja/nee for a yes/no. */
function sayParsed(field: FieldDefinition | undefined, text: string, value: (Cmd & { c: "say" })["value"]): Parsed {
  if (value === "invalid") return { ok: false, raw: text };
  if (value !== undefined) return { ok: true, value };
  const t = text.trim().toLowerCase();
  if (field?.kind === "yesNo" && ["ja", "j", "yes", "y"].includes(t)) return { ok: true, value: true };
  if (field?.kind === "yesNo" && ["nee", "n", "no"].includes(t)) return { ok: true, value: false };
  return isTextField(field) ? { ok: true, value: text.trim() } : { ok: false, raw: text };
}

export class Run {
  private dialogs = 0;

  private constructor(readonly h: Harness) {}

  static async create(db: Db, schoolId: string, now: Date, driver: (db: Db) => Driver): Promise<Run> {
    return new Run(new Harness(await createRunWorld(db, schoolId, now), driver(db), new Markers()));
  }

  private get model() {
    return this.h.model;
  }

  private get today() {
    return this.h.world.today;
  }

  async execute(cmd: Cmd): Promise<void> {
    this.h.logCmd(cmd);
    const active = this.model.active();
    const restartBetween = "pick" in cmd && cmd.pick % 2 === 1;
    switch (cmd.c) {
      case "start":
        return void (await this.start(cmd.flow, cmd.pick));
      case "restart":
        stats.restarts++;
        await this.h.driver.restart();
        return this.h.check();
      case "type":
      case "typeInvalid":
      case "typeEmpty": {
        const kind = cmd.c === "type" ? "valid" : cmd.c === "typeInvalid" ? "invalid" : "empty";
        const typed = typedAnswer(active, kind, "pick" in cmd ? cmd.pick : 0, this.h.markers, this.today);
        return this.h.typed(typed.text, typed.parsed, "times" in cmd ? cmd.times : 1, restartBetween);
      }
      case "ok": {
        // "ok" keeps what is shown as filled in; otherwise it is an answer (yes, or the word), if it parses.
        const parsed = active?.keepable() !== undefined ? { ok: false as const, raw: "ok" } : okParsed(active?.target());
        if (parsed) await this.h.typed("ok", parsed);
        return;
      }
      case "word": {
        if (!active && (cmd.word === "verder" || cmd.word === "resume")) return this.resumeTyped(cmd.word);
        return this.h.typed(cmd.word, wordParsed(active?.target(), cmd.word), cmd.times);
      }
      case "edit":
        return this.h.typed(`wijzig ${cmd.n}`, { ok: false, raw: `wijzig ${cmd.n}` });
      case "command":
        return this.command(cmd.pick);
      case "reply":
        return this.reply(cmd.pick, cmd.times, restartBetween);
      case "resume":
        return this.resume(cmd.pick);
      case "foreign":
        return this.foreign(cmd.pick, cmd.malformed);
      case "card":
        return this.cardCmd(cmd, restartBetween);
      case "say":
        return this.h.typed(cmd.text, sayParsed(active?.target(), cmd.text, cmd.value));
    }
  }

  private currentView(dialog: DialogModel, version: number): ShownView {
    return { sessionId: dialog.sessionId, stepId: dialog.stepId, version, fieldIds: dialog.step().fields.map((f) => f.id) };
  }

  private versionOf(dialog: DialogModel): number {
    return this.h.last.get(dialog.sessionId)?.version ?? 0;
  }

  private async cardCmd(cmd: Cmd & { c: "card" }, restartBetween: boolean): Promise<void> {
    const active = this.model.active();
    const shown = this.h.shown;
    let view: ShownView | undefined;
    if (cmd.view === "current" && active) view = this.currentView(active, this.versionOf(active));
    else if (cmd.view === "old" && shown.length > 0) view = shown[cmd.pick % shown.length];
    else view = shown[shown.length - 1];
    if (!view) return;
    const dialog = this.model.bySession(view.sessionId);
    const card = cardInputs(dialog, view, cmd.action, cmd.fill, cmd.pick, this.h.markers, this.today);
    const concurrentTwin = cmd.twice && cmd.pick % 2 === 0;
    if (concurrentTwin) this.h.logCmd("  the same card twice at once (a double click)");
    await this.h.card(view, cmd.action, card.values, card.parsed, { times: cmd.times, restartBetween, concurrentTwin });
    if (cmd.twice && !concurrentTwin) {
      this.h.logCmd("  the same card again (a double click)");
      await this.h.card(view, cmd.action, card.values, card.parsed, { checkKeep: false });
    }
  }

  private async command(pick: number): Promise<void> {
    const texts = [`leerling ${this.h.markers.next()}`, `coach Waarom ging dat zo ${this.h.markers.next()}`, "overzicht", "mijn groep", "evaluaties"];
    const text = texts[pick % texts.length]!;
    await this.h.typed(text, commandAsAnswer(this.model.active()?.target(), text));
  }

  /** Answers the question the dialog asked: a reply word typed, its button, or an old button. */
  private async reply(pick: number, times: number, restartBetween: boolean): Promise<void> {
    const active = this.model.active();
    const pending = active?.pending;
    if (pick % 5 === 4 || (pick % 5 === 3 && pending && pending.kind !== "edit")) {
      // A button: the one under the question, or one under an older question (another dialog's, or gone).
      const dialog = pick % 5 === 3 && active ? active : this.model.dialogs[pick % Math.max(1, this.model.dialogs.length)];
      if (!dialog) return;
      const choices: Choice[] = pending?.kind === "command" ? ["yes", "no"] : ["yes", "no", "pause"];
      return this.h.button(dialog.sessionId, choices[(pick >> 3) % choices.length]!);
    }
    if (!pending) return;
    const words = REPLY_WORDS[pending.kind];
    const word = words[pick % words.length]!;
    await this.h.typed(pick % 7 === 0 ? `${word[0]!.toUpperCase()}${word.slice(1)}!` : word, { ok: false, raw: word }, times, restartBetween);
  }

  /** "verder" with no dialog in the foreground resumes the only open one (with several it asks which). */
  private async resumeTyped(word: string): Promise<void> {
    const open = this.model.open();
    await this.h.deliver({ text: word });
    if (open.length === 1) this.model.resumed(open[0]!);
    await this.h.check();
  }

  private async resume(pick: number, target?: DialogModel): Promise<void> {
    const paused = this.model.dialogs.filter((d) => d.status === "paused");
    const dialog = target ?? paused[pick % Math.max(1, paused.length)];
    if (!dialog) return;
    if (!target && !this.model.active() && this.model.open().length === 1) return this.resumeTyped(pick % 2 ? "verder" : "hervat");
    this.h.logCmd(`  resume button for ${dialog.label}`);
    await this.h.deliver({ text: "", action: { command: "resume", args: { sessionId: dialog.sessionId } } });
    this.model.resumed(dialog);
    await this.h.check();
  }

  /** Another teacher sends a card for this teacher's dialog, or a payload that is not a step. */
  private async foreign(pick: number, malformed: boolean): Promise<void> {
    const dialog = this.model.active() ?? this.model.open()[0];
    if (!dialog) return;
    const view = this.currentView(dialog, this.versionOf(dialog));
    const card = cardInputs(dialog, view, "submit", "valid", pick, this.h.markers, this.today);
    const submission = { sessionId: view.sessionId, stepId: view.stepId, version: malformed ? "x" : view.version, action: "submit", values: card.values };
    await this.h.deliver({ text: "", submission }, 1, false, malformed ? this.h.world.teacher : this.h.world.colleague);
    await this.h.check();
  }

  private async pupilFor(flow: FlowName, pick: number): Promise<PupilRef> {
    const world = this.h.world;
    const busy = (p: PupilRef) => this.model.open().some((d) => d.pupilLabel === p.label);
    if (flow === "gesprek-na-voorbereiding") {
      const preparedDone = (p: PupilRef) => this.model.dialogs.some((d) => d.kind === "prepare" && d.status === "completed" && d.pupilLabel === p.label);
      const prepared = world.pupils.find((p) => preparedDone(p) && !p.conversed && !busy(p));
      if (prepared) return prepared;
      const preparation = await this.start("voorbereiden", pick);
      await this.finish(preparation);
      return world.pupils.find((p) => p.label === preparation.pupilLabel)!;
    }
    const bouw = flow.startsWith("gesprek-") ? (flow.slice("gesprek-".length) as PupilRef["bouw"]) : BOUWEN[pick % BOUWEN.length]!;
    return addPupil(world, bouw);
  }

  /** Starts a dialog with a button, as the bot's own buttons do, for a pupil no open dialog uses. */
  async start(flow: FlowName, pick: number): Promise<DialogModel> {
    const pupil = await this.pupilFor(flow, pick);
    const kind = flow === "voorbereiden" ? "prepare" : flow === "notitie" ? "note" : flow === "evalueren" ? "evaluate" : "conversation";
    const action: CommandAction =
      kind === "evaluate" ? { command: "evaluate", args: { goalId: await addGoal(this.h.world, pupil) } } : { command: kind, args: { pupilId: pupil.id } };
    this.h.logCmd(`  start ${flow} for ${pupil.label}`);
    const before = await this.h.sessions();
    await this.h.deliver({ text: "", action });
    const after = await this.h.sessions();
    const created = [...after.keys()].filter((id) => !before.has(id));
    if (created.length !== 1) this.h.fail([`starting ${flow} made ${created.length} sessions`]);
    const row = await this.h.db.dialogSession.findUniqueOrThrow({ where: { id: created[0]! } });
    const steps = await loadSteps(this.h.world, kind, row);
    const dialog = new DialogModel(`d${++this.dialogs}`, flow, kind, row.id, pupil.label, steps, after.get(row.id)!.answers as never);
    this.model.started(dialog);
    if (kind === "conversation") pupil.conversed = true;
    await this.h.check(after);
    return dialog;
  }

  /** Presses OK on the dialog's cards (answers as shown) until it completes; a step its checks refuse gets new values. */
  async finish(dialog: DialogModel): Promise<void> {
    let refused: string | null = null;
    for (let i = 0; i < 80 && (dialog.status === "active" || dialog.status === "paused"); i++) {
      if (this.model.active() !== dialog) await this.resume(0, dialog);
      else if (dialog.pending)
        await this.h.typed(dialog.pending.kind === "cancel" ? "nee" : dialog.pending.kind === "command" ? "ja" : "ok", { ok: false, raw: "-" });
      else {
        const view = this.currentView(dialog, this.versionOf(dialog));
        const card = cardInputs(dialog, view, "submit", "valid", i, this.h.markers, this.today, refused === view.stepId ? "none" : "all");
        await this.h.card(view, "submit", card.values, card.parsed);
        refused = dialog.stepId === view.stepId ? view.stepId : null;
      }
    }
    if (dialog.status !== "completed") this.h.fail([`${dialog.label} (${dialog.flow}) did not complete by pressing OK`]);
  }

  async finishAll(): Promise<void> {
    this.h.logCmd("finish every open dialog");
    for (const dialog of this.model.open()) await this.finish(dialog);
    await this.h.check(undefined, true);
  }
}

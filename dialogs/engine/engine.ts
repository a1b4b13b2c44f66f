// The guided-dialog engine: start, answer (by card or by typing), back, skip, pause, resume,
// cancel, complete. Every answer is stored the moment it arrives; every change is a conditional
// update on the session's version, so stale or doubled submissions never corrupt a dialog.
// It also asks before it acts on what may be a slip (stop and discard? a command typed as an answer?).
// Longer than our ~300-line norm on purpose: one state machine whose transitions share the
// versioned-update discipline, and are easiest to check for it side by side.
import type { Db } from "../../bot/db/client.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { recordAudit } from "../../bot/audit.js";
import type { Actor } from "../../bot/auth/actor.js";
import { localDate } from "../../bot/domain/local-time.js";
import type { PupilContextPreread } from "../../bot/services/pupil-context-query.js";
import {
  activateSession,
  createSession,
  findActiveSession,
  findSession,
  updateSession,
  type DialogPending,
  type DialogSessionRecord,
  type PreloadedSession,
} from "../../bot/services/dialog-sessions.js";
import { SKIPPED, type Answers, type Completion, type DialogFlow, type FlowContext, type LoadedFlow, type SessionSubject } from "./flow.js";
import type { ParseContext } from "./parse-field.js";
import { withShareFields } from "./share.js";
import { controlWord, viewWord } from "./engine-text.js";
import { cancelQuestion, commandQuestion, filledCount, replyTo, type QuestionButton, type QuestionChoice } from "./questions.js";
import { localized, translate, type MessageKey } from "../../bot/i18n/translate.js";
import { buildView, describeAnswers, type AnsweredStep } from "./view.js";
import { hasContent, nextTextField } from "./next-field.js";
import { isQuestionAsked } from "../../bot/formats/share.js";
import { recordStep } from "./record-step.js";
import { staleSubmission } from "./stale.js";
import { compactAnswer, type CompactAnswer } from "./compact-text.js";
import { compactChange, isTypedDraft, waitingLine, withCompactDrafts, type CompactChange } from "./compact-state.js";
import type { DialogAction, FieldError, FieldValue, LocalizedText, StepDefinition, StepView, Submission } from "./types.js";
import { SubmissionSchema } from "./types.js";

export type EngineResult =
  /** `notice`: what the turn did that the step does not show (where a typed line went, what it replaced). */
  (
    | { kind: "step"; sessionId: string; view: StepView; answered?: AnsweredStep; notice?: string }
    /** "help" or "verder" typed in the dialog: the step again (with how dialogs work, for help). */
    | { kind: "help" | "resume"; sessionId: string; view: StepView }
    | { kind: "completed"; sessionId: string; completion: Completion; answered?: AnsweredStep }
    | { kind: "paused"; sessionId: string; text: string }
    | { kind: "cancelled"; sessionId: string; text: string }
    /** The dialog asks something before it acts (stop and discard? a command?); nothing stored yet. */
    | { kind: "question"; sessionId: string; text: string; buttons: QuestionButton[] }
    /** The teacher confirmed that typed text was a command: run it; the dialog stays where it was. */
    | { kind: "command"; sessionId: string; text: string }
    /** An old card, a double click, or a dialog that moved on: nothing was changed. */
    | { kind: "stale"; text: string; view?: StepView }
    /** Someone else's dialog, or one that does not exist: nothing was changed or shown. */
    | { kind: "refused"; text: string }
  ) & {
    /**
     * What the teacher typed that this turn set aside unstored, shown first so she can copy it: the
     * text of a "did you mean the command?" that a card, another dialog or `verder` answered instead.
     */
    handBack?: string;
  };

class StaleSubmission extends Error {}

/**
 * `result` with the text of the command question `before` was waiting on, when the turn changed
 * the dialog (which drops that question: updateSession, pauseActiveDialogs). A stale or refused
 * turn changed nothing, so the question still waits.
 */
function withHandBack(result: EngineResult, before: DialogSessionRecord | null, locale: "nl" | "en"): EngineResult {
  const pending = before?.pending;
  if (pending?.kind !== "command" || result.kind === "stale" || result.kind === "refused") return result;
  return { ...result, handBack: translate(locale, "engine.commandDropped", { text: pending.text }) };
}

/** Moves on from a step whose questions are all answered ("verder" is the resume word: it shows the step). */
const CONFIRM = /^(ok|oké|oke|ja|volgende|klaar|yes|next|done)$/i;
/** Accepts what is shown as filled in; unlike CONFIRM, no word here is also an answer to a question. */
const KEEP = /^(ok|oké|oke)$/i;

/** Options of a typed turn. */
export interface TypedOptions {
  /** The text also reads as a bot command ("leerling Otis"): ask before taking it as an answer. */
  commandLike?: boolean;
}

export interface DialogEngineDeps {
  db: Db;
  flows: Record<string, DialogFlow>;
  clock?: () => Date;
}

interface Turn {
  ctx: FlowContext;
  session: DialogSessionRecord;
  loaded: LoadedFlow;
  steps: StepDefinition[];
  step: StepDefinition;
}

const t = (key: MessageKey, locale: "nl" | "en") => translate(locale, key);

function stepsOf(loaded: LoadedFlow, answers: Answers): StepDefinition[] {
  return loaded.steps(answers).map(withShareFields);
}

function isAnswered(value: FieldValue | undefined): boolean {
  return value !== undefined;
}

/** A step is done once it was answered (or skipped) with every required field filled. */
function isStepDone(step: StepDefinition, answers: Answers): boolean {
  const given = answers[step.id];
  if (!given) return false;
  if (given[SKIPPED] === true) return true;
  return step.fields.every((f) => !f.required || (isAnswered(given[f.id]) && given[f.id] !== ""));
}

/**
 * A step that still has a question nobody answered (also an optional one), or answers its own
 * rule refuses (kept as a draft by back, skip or pause): going forward stops there.
 */
function hasOpenQuestion(step: StepDefinition, answers: Answers): boolean {
  const given = answers[step.id];
  if (!given) return true;
  if (given[SKIPPED] === true) return false;
  if (step.fields.some((f) => !isAnswered(given[f.id]) && isQuestionAsked(f.id, (id) => given[id]))) return true;
  return (step.validate?.(given) ?? []).length > 0;
}

/**
 * The step's answers with every open optional question left empty, when they complete the step
 * (every asked question answered, every required one with content, the step's own rule content);
 * null when nothing was answered yet, a required answer is missing, or an answer waits as a draft.
 */
function completedBySkipping(step: StepDefinition, given: Record<string, FieldValue>, drafts: Record<string, string>): Record<string, FieldValue> | null {
  if (!Object.values(given).some(hasContent)) return null;
  // An answer refused and kept as typed is not "left empty".
  if (step.fields.some((f) => drafts[f.id] !== undefined)) return null;
  const filled: Record<string, FieldValue> = { ...given };
  for (const field of step.fields) {
    if (filled[field.id] === undefined && !field.required && isQuestionAsked(field.id, (id) => filled[id])) {
      filled[field.id] = field.kind === "multiChoice" ? [] : "";
    }
  }
  const answers = { [step.id]: filled };
  if (!isStepDone(step, answers) || hasOpenQuestion(step, answers)) return null;
  return filled;
}

export class DialogEngine {
  private readonly clock: () => Date;

  constructor(private readonly deps: DialogEngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  private context(actor: Actor, preread?: PupilContextPreread): FlowContext {
    const now = this.clock();
    return { db: this.deps.db, actor, locale: actor.locale, now, today: localDate(now, actor.timezone), ...(preread ? { preread } : {}) };
  }

  private flow(kind: string): DialogFlow {
    const flow = this.deps.flows[kind];
    if (!flow) throw new Error(`unknown dialog kind ${kind}`);
    return flow;
  }

  private async turn(actor: Actor, session: DialogSessionRecord, preread?: PupilContextPreread): Promise<Turn> {
    const ctx = this.context(actor, preread);
    const loaded = await this.flow(session.kind).load(ctx, session);
    const steps = stepsOf(loaded, session.answers);
    // The current step may have disappeared (an answer changed a condition): take the first open one.
    const step = steps.find((s) => s.id === session.stepId) ?? steps.find((s) => !isStepDone(s, session.answers)) ?? steps[steps.length - 1]!;
    return { ctx, session, loaded, steps, step };
  }

  private view(turn: Turn, extraErrors: Record<string, LocalizedText> = {}, stepErrors: LocalizedText[] = []): StepView {
    return buildView({
      session: turn.session,
      loaded: turn.loaded,
      steps: turn.steps,
      step: turn.step,
      locale: turn.ctx.locale,
      parseContext: this.parseContext(turn),
      extraErrors,
      stepErrors,
    });
  }

  private parseContext(turn: Turn): ParseContext {
    return { today: turn.ctx.today, ...(turn.loaded.pupilOptions ? { options: turn.loaded.pupilOptions } : {}) };
  }

  /** Starts a dialog and returns its first step. */
  async start(actor: Actor, kind: string, subject: SessionSubject, answers: Answers = {}): Promise<EngineResult> {
    const ctx = this.context(actor);
    const loaded = await this.flow(kind).load(ctx, subject);
    const steps = stepsOf(loaded, answers);
    const first = steps.find((s) => !isStepDone(s, answers)) ?? steps[0]!;
    // Starting pauses the dialog in the foreground (createSession): the teacher is told, and how to go back.
    const paused = await findActiveSession(this.deps.db, actor.staffId);
    const session = await createSession(this.deps.db, {
      schoolId: actor.schoolId,
      staffId: actor.staffId,
      kind,
      stepId: first.id,
      subject,
      answers,
    });
    const view = this.view({ ctx, session, loaded, steps, step: first });
    return withHandBack(
      { kind: "step", sessionId: session.id, view, ...(paused ? { notice: t("engine.otherPaused", actor.locale) } : {}) },
      paused,
      actor.locale,
    );
  }

  /** Someone else's (or no) session: refused, recorded in the audit trail (ids only). */
  private async refuse(actor: Actor, sessionId: string | null): Promise<EngineResult> {
    await recordAudit(this.deps.db, {
      schoolId: actor.schoolId,
      actorStaffId: actor.staffId,
      action: "refused",
      entity: "dialog_session",
      entityId: sessionId,
    });
    // No such dialog: finished long ago and cleaned up (bot/ops/housekeeping.ts), or never there.
    return { kind: "refused", text: t(sessionId === null ? "engine.gone" : "engine.notYours", actor.locale) };
  }

  /** Shows the current step of a session again (after a restart, on another device). */
  async resume(actor: Actor, sessionId: string): Promise<EngineResult> {
    const session = await findSession(this.deps.db, sessionId);
    if (!session || session.staffId !== actor.staffId) return this.refuse(actor, session?.id ?? null);
    if (session.status === "completed" || session.status === "cancelled") return { kind: "stale", text: t("engine.finished", actor.locale) };
    // Resuming another dialog pauses the one in the foreground (activateSession): said, as when starting one.
    const paused = session.status === "active" ? null : await findActiveSession(this.deps.db, actor.staffId);
    const version = session.status === "active" ? session.version : await activateSession(this.deps.db, session);
    if (version === null) return this.resume(actor, sessionId);
    const turn = await this.turn(actor, { ...session, version, status: "active" });
    // A question still waiting (the chat restarted after "stop"): asked again, so the next "ja"
    // or number answers what she sees, not a question she no longer has in front of her.
    if (!paused && turn.session.pending) return this.pendingView(turn);
    const notice = paused ? { notice: t("engine.otherPaused", actor.locale) } : {};
    return withHandBack({ kind: "step", sessionId, view: { ...this.view(turn), recap: true }, ...notice }, paused, actor.locale);
  }

  async activeSession(actor: Actor): Promise<DialogSessionRecord | null> {
    return findActiveSession(this.deps.db, actor.staffId);
  }

  /** A submission from a card or modal. The payload is untrusted: it is validated here. */
  async submit(actor: Actor, payload: unknown, preloaded?: PreloadedSession): Promise<EngineResult> {
    const parsed = SubmissionSchema.safeParse(payload);
    if (!parsed.success) return { kind: "refused", text: t("engine.malformed", actor.locale) };
    const submission = parsed.data;
    const read = preloaded && preloaded.sessionId === submission.sessionId ? preloaded : undefined;
    const session = read ? read.session : await findSession(this.deps.db, submission.sessionId);
    if (!session || session.staffId !== actor.staffId) return this.refuse(actor, session?.id ?? null);
    if (session.status !== "active") {
      const text = session.status === "paused" ? "engine.pausedStale" : "engine.finished";
      return { kind: "stale", text: t(text, actor.locale) };
    }
    // Its pupil's context was read with it: the turn's first load takes it (later loads read afresh).
    const turn = await this.turn(actor, session, read?.pupilContext);
    if (submission.stepId !== turn.step.id || submission.version !== session.version) return this.staleCard(turn, submission);
    try {
      const result =
        submission.action === "submit" ? await this.record(turn, submission.values, false) : await this.control(turn, submission.action, submission.values);
      // Whatever the card did, it answered a pending "did you mean the command?" otherwise.
      return withHandBack(result, session, actor.locale);
    } catch (error) {
      if (!(error instanceof StaleSubmission)) throw error;
      // Another turn changed the dialog meanwhile: compared with the dialog as it is now, so the
      // card's input comes back (or is listed) as with any outdated card.
      const fresh = await findSession(this.deps.db, session.id);
      if (fresh?.status !== "active") return { kind: "stale", text: t("engine.finished", actor.locale) };
      return this.staleCard(await this.turn(actor, fresh), submission);
    }
  }

  /** An outdated card: nothing changes; what it carried is shown again or listed (stale.ts). */
  private staleCard(turn: Turn, submission: Submission): EngineResult {
    const stale = staleSubmission(turn.session, turn.steps, turn.step, submission, turn.ctx.locale);
    return { kind: "stale", text: stale.text, view: this.view({ ...turn, session: stale.shown }) };
  }

  /**
   * Typed text while a dialog is active: the answer to a question the dialog asked, a control word,
   * or the answer to the field the text view asks for. Text that reads as a command is not taken
   * as an answer without asking. Returns null when the person has no active dialog.
   */
  async answerText(actor: Actor, text: string, options: TypedOptions = {}, active?: DialogSessionRecord): Promise<EngineResult | null> {
    const session = active ?? (await findActiveSession(this.deps.db, actor.staffId));
    if (!session) return null;
    const turn = await this.turn(actor, session);
    return this.guarded(actor, session.id, async () => {
      // The field the text view is asking (the same choice the text renderer makes).
      const target = nextTextField(this.view(turn));
      // An option named like a control word ("later", "stop" when evaluating a goal) is an answer.
      const typed = text.trim().toLowerCase();
      const isOption = target?.options?.some((o) => o.value.toLowerCase() === typed || o.label.toLowerCase() === typed) ?? false;
      const word = isOption ? null : viewWord(text);
      if (word) return { kind: word, sessionId: session.id, view: { ...this.view(turn), ...(word === "resume" ? { recap: true } : {}) } };
      const control = isOption ? null : controlWord(text);
      if (control) return await this.control(turn, control);
      // A numbered card takes every line (compact-state.ts); only a command-like line without a
      // number is asked about first ("nee, dit is mijn antwoord" files it as a line: answerPending).
      const compact = turn.step.compact ? compactAnswer(this.view(turn), text) : null;
      const asCommand = options.commandLike === true && !isOption && (compact === null || compact.lead === text.trim());
      if (compact && !asCommand) return await this.recordCompact(turn, compact);
      // (No confirmation word reads as a command: the resume words were taken above.)
      if (asCommand) {
        return await this.ask(turn, { kind: "command", text: text.trim(), fieldId: target?.id ?? null });
      }
      // Everything answered (e.g. after going back): a confirmation moves on; other text is not
      // an answer to anything, so it is not taken (the view says how to change an answer).
      if (!target) {
        // As a card's submit: an optional question with a default (not asked in text) takes its default.
        if (CONFIRM.test(text.trim())) return await this.record(turn, {}, false);
        return { kind: "step", sessionId: session.id, view: this.view(turn, {}, [localized("engine.confirmOrEdit")]) };
      }
      // "ok" on a default shown as filled in accepts it; "ja" to a yes/no is an answer, not "keep".
      // (An answer being changed is kept with "ok" by its question: replyToQuestion.) "ok" after a
      // refused answer offers that answer again: teachers type it from habit, and it must never
      // replace the words they typed with "ok".
      const refusedWords = target.error !== undefined && hasContent(target.value);
      if (KEEP.test(text.trim()) && (target.isDefault || refusedWords)) {
        return await this.record(turn, { [target.id]: target.value }, true);
      }
      return await this.record(turn, { [target.id]: text }, true);
    });
  }

  /**
   * Typed text right after the dialog asked a question: a reply word answers it. Any other text
   * drops a stop or command question (the teacher moved on; a later "ja" must not stop the dialog)
   * and is handled as usual with the returned session; a field being changed keeps waiting for it.
   * A dropped command question returns the text it asked about (`dropped`), so it is not lost.
   */
  async replyToQuestion(
    actor: Actor,
    session: DialogSessionRecord,
    text: string,
  ): Promise<{ result: EngineResult } | { session: DialogSessionRecord; dropped?: string }> {
    const pending = session.pending;
    if (!pending) return { session };
    const turn = await this.turn(actor, session);
    try {
      const choice = replyTo(pending, text);
      if (choice) return { result: await this.answerPending(turn, pending, choice) };
      if (pending.kind === "edit") return { session };
      const version = await updateSession(this.deps.db, session.id, session.version, {});
      if (version === null) throw new StaleSubmission();
      // A command question dropped this way neither ran nor stored its text: it is handed back.
      return { session: { ...session, pending: null, version }, ...(pending.kind === "command" ? { dropped: pending.text } : {}) };
    } catch (error) {
      if (error instanceof StaleSubmission) return { result: await this.staleNow(actor, session.id) };
      throw error;
    }
  }

  /** A button that answers the question the dialog asked (by session id, so an old button is caught). */
  async answerQuestion(actor: Actor, sessionId: string, choice: QuestionChoice): Promise<EngineResult> {
    const session = await findSession(this.deps.db, sessionId);
    if (!session || session.staffId !== actor.staffId) return this.refuse(actor, session?.id ?? null);
    if (session.status !== "active") return { kind: "stale", text: t(session.status === "paused" ? "engine.pausedStale" : "engine.finished", actor.locale) };
    const turn = await this.turn(actor, session);
    const pending = session.pending;
    if (!pending) return { kind: "stale", text: t("question.gone", actor.locale), view: this.view(turn) };
    return this.guarded(actor, session.id, () => this.answerPending(turn, pending, choice));
  }

  /** Stores the question on the session (nothing else changes) and asks it. */
  private async ask(
    turn: Turn,
    pending: DialogPending,
    change: { answers?: Answers; rawInputs?: Record<string, Record<string, string>> } = {},
  ): Promise<EngineResult> {
    const { session } = turn;
    const version = await updateSession(this.deps.db, session.id, session.version, { ...change, pending });
    if (version === null) throw new StaleSubmission();
    const answers = change.answers ?? session.answers;
    const rawInputs = change.rawInputs ?? session.rawInputs;
    return this.pendingView({ ...turn, session: { ...session, answers, rawInputs, pending, version } });
  }

  /** What a turn shows while a question waits: the stop or command question as asked, else the step (an edit question is part of it). */
  private pendingView(turn: Turn): EngineResult {
    const { session, ctx } = turn;
    const pending = session.pending;
    const question =
      pending?.kind === "cancel"
        ? cancelQuestion(ctx.locale, turn.loaded.title, filledCount(session.answers, session.rawInputs))
        : pending?.kind === "command"
          ? commandQuestion(ctx.locale, turn.loaded.title, pending.text, this.fieldLabel(turn, pending.fieldId))
          : null;
    if (!question) return { kind: "step", sessionId: session.id, view: this.view(turn) };
    return { kind: "question", sessionId: session.id, ...question };
  }

  private fieldLabel(turn: Turn, fieldId: string | null): string | null {
    return turn.step.fields.find((f) => f.id === fieldId)?.label[turn.ctx.locale] ?? null;
  }

  private async answerPending(turn: Turn, pending: DialogPending, choice: QuestionChoice): Promise<EngineResult> {
    const { session } = turn;
    if (pending.kind === "cancel") {
      if (choice === "yes") return this.cancelNow(turn);
      if (choice === "pause") return this.control(turn, "pause");
    }
    if (pending.kind === "command") {
      if (choice === "yes") {
        const version = await updateSession(this.deps.db, session.id, session.version, {});
        if (version === null) throw new StaleSubmission();
        return { kind: "command", sessionId: session.id, text: pending.text };
      }
      // "No, this is my answer": on a numbered card, a line like any other; else to the field that
      // was asked when the text came (if it is still here).
      const typed = turn.step.compact ? compactAnswer(this.view(turn), pending.text) : null;
      if (typed) return this.recordCompact(turn, typed);
      if (pending.fieldId && turn.step.fields.some((f) => f.id === pending.fieldId)) {
        return this.record(turn, { [pending.fieldId]: pending.text }, true);
      }
    }
    // No (or "ok" to an edit): drop the question and show the step as it was.
    const version = await updateSession(this.deps.db, session.id, session.version, {});
    if (version === null) throw new StaleSubmission();
    return { kind: "step", sessionId: session.id, view: this.view({ ...turn, session: { ...session, pending: null, version } }) };
  }

  private async cancelNow(turn: Turn): Promise<EngineResult> {
    const { session, ctx } = turn;
    // Stopped means nothing is kept: the drafts go too.
    if ((await updateSession(this.deps.db, session.id, session.version, { status: "cancelled", answers: {}, rawInputs: {} })) === null)
      throw new StaleSubmission();
    return { kind: "cancelled", sessionId: session.id, text: t("engine.cancelled", ctx.locale) };
  }

  /**
   * Ends the active dialog when it can no longer load (the pupil moved to another group, the
   * teacher left it, a new school year began): the person must not be stuck in a dialog they may
   * no longer continue. Returns the words they had given, to hand back so nothing is lost.
   */
  async abandonActive(actor: Actor): Promise<string[] | null> {
    const session = await findActiveSession(this.deps.db, actor.staffId);
    if (!session) return null;
    // A "did you mean the command?" waiting holds words too: they come back with the rest.
    const asked = session.pending?.kind === "command" ? [session.pending.text] : [];
    const given = [...wordsGiven(session.answers, session.rawInputs), ...asked];
    const ended = await updateSession(this.deps.db, session.id, session.version, { status: "cancelled", answers: {}, rawInputs: {} });
    return ended === null ? null : given;
  }

  /** Asks one answer of the current step again ("wijzig 2"), showing what it holds now; "ok" keeps it. */
  async reopenField(actor: Actor, fieldIndex: number, active?: DialogSessionRecord): Promise<EngineResult | null> {
    const session = active ?? (await findActiveSession(this.deps.db, actor.staffId));
    if (!session) return null;
    const turn = await this.turn(actor, session);
    const field = turn.step.fields[fieldIndex - 1];
    if (!field) return { kind: "step", sessionId: session.id, view: this.view(turn) };
    return this.guarded(actor, session.id, () => this.ask(turn, { kind: "edit", fieldId: field.id }));
  }

  /** Runs a change; when another turn changed the session first, shows where it is now instead. */
  private async guarded(actor: Actor, sessionId: string, change: () => Promise<EngineResult>): Promise<EngineResult> {
    try {
      return await change();
    } catch (error) {
      if (error instanceof StaleSubmission) return this.staleNow(actor, sessionId);
      throw error;
    }
  }

  private async staleNow(actor: Actor, sessionId: string): Promise<EngineResult> {
    const fresh = await findSession(this.deps.db, sessionId);
    if (fresh?.status !== "active") return { kind: "stale", text: t("engine.finished", actor.locale) };
    return { kind: "stale", text: t("engine.stale", actor.locale), view: this.view(await this.turn(actor, fresh)) };
  }

  /** Stop, pause, back or skip. What came with it (a card's fields) is kept as a draft. */
  private async control(turn: Turn, action: Exclude<DialogAction, "submit">, values: Record<string, unknown> = {}): Promise<EngineResult> {
    const { session, step, ctx } = turn;
    const db = this.deps.db;
    const recorded = recordStep(turn.session, turn.step, values, true, this.parseContext(turn));
    const { rawInputs, given } = recorded;
    const answers = this.follow(turn, recorded.answers);

    if (action === "cancel") {
      // Stop asks first when it would discard anything; what the card carried is kept meanwhile.
      if (filledCount(answers, rawInputs) === 0) return this.cancelNow(turn);
      return this.ask(turn, { kind: "cancel" }, { answers, rawInputs });
    }

    if (action === "pause") {
      if ((await updateSession(db, session.id, session.version, { answers, rawInputs, status: "paused" })) === null) throw new StaleSubmission();
      return { kind: "paused", sessionId: session.id, text: t("engine.paused", ctx.locale) };
    }

    const steps = stepsOf(turn.loaded, answers);
    const index = Math.max(
      0,
      steps.findIndex((s) => s.id === step.id),
    );

    if (action === "back") {
      const previous = steps[Math.max(0, index - 1)]!;
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs, stepId: previous.id });
      if (version === null) throw new StaleSubmission();
      const next: Turn = { ...turn, steps, step: previous, session: { ...session, answers, rawInputs, pending: null, version, stepId: previous.id } };
      return { kind: "step", sessionId: session.id, view: this.view(next) };
    }

    if (!step.skippable) {
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs });
      if (version === null) throw new StaleSubmission();
      return this.stay(turn, answers, rawInputs, version, {}, [localized("engine.notSkippable")]);
    }
    // Skipping keeps what the step already held before this turn (answers typed one at a time, or
    // a step answered before and visited again): when that completes it, with its open optional
    // questions left empty (as "-" would), the step is stored as answered. Only a step that cannot
    // be completed that way is skipped whole. Either way, what came with the skip (a card's fields,
    // defaults included) and is not stored stays a draft, to see when going back.
    const { [SKIPPED]: _wasSkipped, ...stored } = session.answers[step.id] ?? {};
    const completed = completedBySkipping(step, stored, session.rawInputs[step.id] ?? {});
    // A step that holds answers but cannot be completed this way (a required answer still open, or
    // an answer refused and waiting to be typed again) is not skipped: that would drop the answers.
    if (!completed && Object.values(stored).some(hasContent)) {
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs });
      if (version === null) throw new StaleSubmission();
      return this.stay(turn, answers, rawInputs, version, {}, [localized("engine.skipWouldLose")]);
    }
    const typed = Object.fromEntries(
      Object.entries(given)
        .filter(([k, v]) => v !== "" && !(Array.isArray(v) && v.length === 0) && (!completed || String(v) !== String(completed[k])))
        .map(([k, v]) => [k, String(v)]),
    );
    if (Object.keys(typed).length) rawInputs[step.id] = { ...typed, ...(rawInputs[step.id] ?? {}) };
    if (completed) {
      answers[step.id] = completed;
      return this.advance(turn, answers, rawInputs);
    }
    answers[step.id] = { [SKIPPED]: true };
    return this.advance(turn, answers, rawInputs);
  }

  /**
   * Answers to the current step. `partial`: typed text, which touches only the fields it carries;
   * otherwise a card's submit, which sends the whole step (an absent or empty input means "empty").
   */
  private async record(turn: Turn, values: Record<string, unknown>, partial: boolean, hold = false, compact?: CompactChange): Promise<EngineResult> {
    const { session, step } = turn;
    const db = this.deps.db;
    const recorded = recordStep(turn.session, turn.step, values, partial, this.parseContext(turn));
    const { given, errors } = recorded;
    const answers = this.follow(turn, recorded.answers);
    const rawInputs = compact ? withCompactDrafts(recorded.rawInputs, step.id, compact) : recorded.rawInputs;
    // A line on a numbered card still waiting for its box holds the step, also against a card's submit.
    const waiting = step.compact === true && waitingLine(rawInputs[step.id]) !== null;

    // A share question for an empty item is not asked, so it does not hold the step up.
    const complete = step.fields.every((f) => isAnswered(given[f.id]) || !isQuestionAsked(f.id, (id) => given[id]));
    const stepErrors: LocalizedText[] = [];
    // (A field that could not be read is not answered, so the step is not complete.)
    if (complete && step.validate) {
      for (const issue of step.validate(given) as FieldError[]) {
        if (issue.fieldId) errors[issue.fieldId] = issue.message;
        else stepErrors.push(issue.message);
      }
    }
    // `hold`: lines typed to a compact step wait for its "klaar", however complete the step is.
    if (Object.keys(errors).length > 0 || stepErrors.length > 0 || !complete || hold || waiting) {
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs });
      if (version === null) throw new StaleSubmission();
      return this.stay(turn, answers, rawInputs, version, errors, stepErrors);
    }
    return this.advance(turn, answers, rawInputs);
  }

  /**
   * Lines typed to a compact step: numbered ones fill their boxes, others continue the box typed in
   * last (or wait for one), and "klaar" submits it as a card would (compact-state.ts). The reply
   * says where lines went and what a box held before it was replaced.
   */
  private async recordCompact(turn: Turn, typed: CompactAnswer): Promise<EngineResult> {
    const change = compactChange(this.view(turn), turn.session.rawInputs[turn.step.id] ?? {}, typed);
    // A line for a question that is not there: the others are kept, the step stays and shows it back.
    const hold = !change.done || change.unknown.length > 0;
    const result = await this.record(turn, change.values, hold, hold, change);
    const notice = change.notices.join("\n");
    // Lines and "klaar" in one message: what they replaced is still said, above the confirmation.
    if (result.kind === "completed" && notice) return { ...result, completion: { ...result.completion, text: `${notice}\n${result.completion.text}` } };
    if (result.kind !== "step") return result;
    const problem = change.unknown.length ? [translate(turn.ctx.locale, "short.text.noSuchQuestion", { lines: change.unknown.join(" / ") })] : [];
    return { ...result, ...(notice ? { notice } : {}), view: { ...result.view, errors: [...result.view.errors, ...problem] } };
  }

  /** The flow's dependent answers brought along with a change (the record card following the conversation card). */
  private follow(turn: Turn, answers: Answers): Answers {
    return turn.loaded.follow ? turn.loaded.follow(turn.session.answers, answers) : answers;
  }

  private stay(
    turn: Turn,
    answers: Answers,
    rawInputs: Record<string, Record<string, string>>,
    version: number,
    errors: Record<string, LocalizedText>,
    stepErrors: LocalizedText[],
  ): EngineResult {
    const next: Turn = { ...turn, steps: stepsOf(turn.loaded, answers), session: { ...turn.session, answers, rawInputs, pending: null, version } };
    return { kind: "step", sessionId: turn.session.id, view: this.view(next, errors, stepErrors) };
  }

  private async advance(turn: Turn, answers: Answers, rawInputs: Record<string, Record<string, string>>): Promise<EngineResult> {
    const { session, step, ctx } = turn;
    const steps = stepsOf(turn.loaded, answers);
    const answered = describeAnswers(step, answers[step.id] ?? {}, ctx.locale, this.parseContext(turn));
    // A step gone by its own answer (-1) continues at the first open step, or completes.
    const at = steps.findIndex((s) => s.id === step.id);
    const following = steps.slice(at + 1);
    const nextStep = following.find((s) => hasOpenQuestion(s, answers)) ?? (at >= 0 ? following[0] : undefined);
    if (nextStep) {
      const version = await updateSession(this.deps.db, session.id, session.version, { answers, rawInputs, stepId: nextStep.id });
      if (version === null) throw new StaleSubmission();
      const next: Turn = { ...turn, steps, step: nextStep, session: { ...session, answers, rawInputs, pending: null, version, stepId: nextStep.id } };
      return { kind: "step", sessionId: session.id, view: this.view(next), answered };
    }
    // The last step: store the outcome and close the session in one transaction. Only answers of
    // steps that still exist count (a "no more goals" after going back drops goal 2's answers).
    const kept = new Set(steps.map((s) => s.id));
    const final = Object.fromEntries(Object.entries(answers).filter(([id]) => kept.has(id)));
    const completion = await inTransaction(this.deps.db, async (tx) => {
      // The outcome now lives in the records: the draft copy is cleared.
      const version = await updateSession(tx, session.id, session.version, { answers: {}, rawInputs: {}, status: "completed" });
      if (version === null) throw new StaleSubmission();
      // What the turn read first is for its load: storing the outcome reads afresh.
      const { preread: _read, ...fresh } = ctx;
      return this.flow(session.kind).complete({ ...fresh, tx }, session, final);
    });
    // Drafts are cleared with the session: what was typed and not stored (a card's fields sent with
    // its skip button) is handed back with the confirmation, so nothing disappears unseen.
    const unsaved = wordsGiven({}, Object.fromEntries(Object.entries(rawInputs).filter(([id]) => kept.has(id))));
    if (unsaved.length > 0) {
      const handBack = [translate(ctx.locale, "engine.draftsNotStored"), ...unsaved.map((w) => `• ${w}`)].join("\n");
      return { kind: "completed", sessionId: session.id, completion: { ...completion, text: `${completion.text}\n\n${handBack}` }, answered };
    }
    return { kind: "completed", sessionId: session.id, completion, answered };
  }
}

/** A choice's stored code ("soSo", "not_reached"): not the teacher's words. */
const CODE = /^[a-z]+(?:[A-Z][a-z]*)+$|^[a-z]+(?:_[a-z]+)+$/;

/** The teacher's own words in a dialog's drafts: everything typed and every stored text but a code. */
function wordsGiven(answers: Record<string, Record<string, unknown>>, rawInputs: Record<string, Record<string, string>>): string[] {
  const words = new Set<string>();
  const visit = (value: unknown, typed: boolean) => {
    if (typeof value === "string") {
      const text = value.trim();
      if (text && (typed || !CODE.test(text))) words.add(text);
    } else if (Array.isArray(value)) for (const item of value) visit(item, typed);
    else if (value && typeof value === "object") for (const item of Object.values(value)) visit(item, typed);
  };
  for (const step of Object.values(rawInputs)) for (const [key, value] of Object.entries(step)) if (isTypedDraft(key)) visit(value, true);
  for (const step of Object.values(answers)) for (const [field, value] of Object.entries(step)) if (!field.endsWith("__share")) visit(value, false);
  return [...words];
}

// The guided-dialog engine: start, answer (by card or by typing), back, skip, pause, resume,
// cancel, complete. Every answer is stored the moment it arrives; every change is a conditional
// update on the session's version, so stale or doubled submissions never corrupt a dialog.
// Longer than our ~300-line norm on purpose: one state machine whose transitions share the
// versioned-update discipline, and are easiest to check for it side by side.
import type { Db } from "../../bot/db/client.js";
import { inTransaction } from "../../bot/db/transaction.js";
import { recordAudit } from "../../bot/audit.js";
import type { Actor } from "../../bot/auth/actor.js";
import { localDate } from "../../bot/domain/local-time.js";
import {
  activateSession,
  createSession,
  findActiveSession,
  findSession,
  updateSession,
  type DialogSessionRecord,
  type PreloadedSession,
} from "../../bot/services/dialog-sessions.js";
import { SKIPPED, type Answers, type Completion, type DialogFlow, type FlowContext, type LoadedFlow, type SessionSubject } from "./flow.js";
import { parseFieldInput, type ParseContext } from "./parse-field.js";
import { withShareFields } from "./share.js";
import { controlWord } from "./engine-text.js";
import { localized, translate, type MessageKey } from "../../bot/i18n/translate.js";
import { buildView, describeAnswers, type AnsweredStep } from "./view.js";
import { nextTextField } from "./next-field.js";
import type { FieldError, FieldValue, LocalizedText, StepDefinition, StepView, Submission } from "./types.js";
import { SubmissionSchema } from "./types.js";

export type EngineResult =
  | { kind: "step"; sessionId: string; view: StepView; answered?: AnsweredStep }
  | { kind: "completed"; sessionId: string; completion: Completion; answered?: AnsweredStep }
  | { kind: "paused"; sessionId: string; text: string }
  | { kind: "cancelled"; sessionId: string; text: string }
  /** An old card, a double click, or a dialog that moved on: nothing was changed. */
  | { kind: "stale"; text: string; view?: StepView }
  /** Someone else's dialog, or one that does not exist: nothing was changed or shown. */
  | { kind: "refused"; text: string };

class StaleSubmission extends Error {}

const CONFIRM = /^(ok|oké|oke|ja|verder|volgende|klaar|yes|next|done|continue)$/i;

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

export class DialogEngine {
  private readonly clock: () => Date;

  constructor(private readonly deps: DialogEngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
  }

  private context(actor: Actor): FlowContext {
    const now = this.clock();
    return { db: this.deps.db, actor, locale: actor.locale, now, today: localDate(now, actor.timezone) };
  }

  private flow(kind: string): DialogFlow {
    const flow = this.deps.flows[kind];
    if (!flow) throw new Error(`unknown dialog kind ${kind}`);
    return flow;
  }

  private async turn(actor: Actor, session: DialogSessionRecord): Promise<Turn> {
    const ctx = this.context(actor);
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
    const session = await createSession(this.deps.db, {
      schoolId: actor.schoolId,
      staffId: actor.staffId,
      kind,
      stepId: first.id,
      subject,
      answers,
    });
    return { kind: "step", sessionId: session.id, view: this.view({ ctx, session, loaded, steps, step: first }) };
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
    return { kind: "refused", text: t("engine.notYours", actor.locale) };
  }

  /** Shows the current step of a session again (after a restart, on another device). */
  async resume(actor: Actor, sessionId: string): Promise<EngineResult> {
    const session = await findSession(this.deps.db, sessionId);
    if (!session || session.staffId !== actor.staffId) return this.refuse(actor, session?.id ?? null);
    if (session.status === "completed" || session.status === "cancelled") return { kind: "stale", text: t("engine.finished", actor.locale) };
    const version = session.status === "active" ? session.version : await activateSession(this.deps.db, session);
    if (version === null) return this.resume(actor, sessionId);
    const turn = await this.turn(actor, { ...session, version, status: "active" });
    return { kind: "step", sessionId, view: this.view(turn) };
  }

  async activeSession(actor: Actor): Promise<DialogSessionRecord | null> {
    return findActiveSession(this.deps.db, actor.staffId);
  }

  /** A submission from a card or modal. The payload is untrusted: it is validated here. */
  async submit(actor: Actor, payload: unknown, preloaded?: PreloadedSession): Promise<EngineResult> {
    const parsed = SubmissionSchema.safeParse(payload);
    if (!parsed.success) return { kind: "refused", text: t("engine.malformed", actor.locale) };
    const submission = parsed.data;
    const session = preloaded && preloaded.sessionId === submission.sessionId ? preloaded.session : await findSession(this.deps.db, submission.sessionId);
    if (!session || session.staffId !== actor.staffId) return this.refuse(actor, session?.id ?? null);
    if (session.status !== "active") {
      const text = session.status === "paused" ? "engine.pausedStale" : "engine.finished";
      return { kind: "stale", text: t(text, actor.locale) };
    }
    const turn = await this.turn(actor, session);
    if (submission.stepId !== turn.step.id || submission.version !== session.version) {
      return { kind: "stale", text: t("engine.stale", actor.locale), view: this.view(turn) };
    }
    try {
      return await this.apply(turn, submission, false);
    } catch (error) {
      if (error instanceof StaleSubmission) return this.staleNow(actor, session.id);
      throw error;
    }
  }

  /**
   * Typed text while a dialog is active: a control word, or the answer to the field the text
   * view asks for. Returns null when the person has no active dialog.
   */
  async answerText(actor: Actor, text: string): Promise<EngineResult | null> {
    const session = await findActiveSession(this.deps.db, actor.staffId);
    if (!session) return null;
    const turn = await this.turn(actor, session);
    const base = { sessionId: session.id, stepId: turn.step.id, version: session.version };
    // The field the text view is asking (the same choice the text renderer makes).
    const target = nextTextField(this.view(turn));
    // An option named like a control word ("later", "stop" when evaluating a goal) is an answer.
    const typed = text.trim().toLowerCase();
    const isOption = target?.options?.some((o) => o.value.toLowerCase() === typed || o.label.toLowerCase() === typed) ?? false;
    const control = isOption ? null : controlWord(text);
    try {
      if (control) return await this.apply(turn, { ...base, action: control, values: {} }, true);
      // Everything answered (e.g. after going back): a confirmation moves on; other text is not
      // an answer to anything, so it is not taken (the view says how to change an answer).
      if (!target) {
        if (CONFIRM.test(text.trim())) return await this.apply(turn, { ...base, action: "submit", values: {} }, false);
        return { kind: "step", sessionId: session.id, view: this.view(turn, {}, [localized("engine.confirmOrEdit")]) };
      }
      return await this.apply(turn, { ...base, action: "submit", values: { [target.id]: text } }, true);
    } catch (error) {
      if (error instanceof StaleSubmission) return this.staleNow(actor, session.id);
      throw error;
    }
  }

  /**
   * Ends the active dialog when it can no longer load (the pupil moved to another group, the
   * teacher left it): the person must not be stuck in a dialog they may no longer continue.
   */
  async abandonActive(actor: Actor): Promise<boolean> {
    const session = await findActiveSession(this.deps.db, actor.staffId);
    if (!session) return false;
    return (await updateSession(this.deps.db, session.id, session.version, { status: "cancelled", answers: {}, rawInputs: {} })) !== null;
  }

  /** Clears one answer of the current step so the text view asks it again ("wijzig 2"). */
  async reopenField(actor: Actor, fieldIndex: number): Promise<EngineResult | null> {
    const session = await findActiveSession(this.deps.db, actor.staffId);
    if (!session) return null;
    const turn = await this.turn(actor, session);
    const field = turn.step.fields[fieldIndex - 1];
    if (!field) return { kind: "step", sessionId: session.id, view: this.view(turn) };
    const answers = structuredClone(session.answers);
    delete answers[turn.step.id]?.[field.id];
    const version = await updateSession(this.deps.db, session.id, session.version, { answers });
    if (version === null) return this.staleNow(actor, session.id);
    const next = { ...turn, session: { ...session, answers, version } };
    return { kind: "step", sessionId: session.id, view: this.view(next) };
  }

  private async staleNow(actor: Actor, sessionId: string): Promise<EngineResult> {
    const fresh = await findSession(this.deps.db, sessionId);
    if (fresh?.status !== "active") return { kind: "stale", text: t("engine.finished", actor.locale) };
    return { kind: "stale", text: t("engine.stale", actor.locale), view: this.view(await this.turn(actor, fresh)) };
  }

  /** Stores what was sent for the current step; returns the updated answers and any field errors. */
  private record(turn: Turn, values: Record<string, unknown>, partial: boolean) {
    const { session, step } = turn;
    const answers = structuredClone(session.answers);
    const rawInputs = structuredClone(session.rawInputs);
    const given: Record<string, FieldValue> = { ...(answers[step.id] ?? {}) };
    const raws: Record<string, string> = { ...(rawInputs[step.id] ?? {}) };
    const errors: Record<string, LocalizedText> = {};
    delete given[SKIPPED];
    for (const field of step.fields) {
      const provided = Object.hasOwn(values, field.id);
      // Typed answers come one at a time; a card without a field keeps its earlier answer.
      if (!provided && (partial || isAnswered(given[field.id]))) continue;
      const raw = provided ? values[field.id] : field.defaultValue;
      const result = parseFieldInput(field, raw, this.parseContext(turn));
      if (result.ok) {
        given[field.id] = result.value;
        delete raws[field.id];
      } else {
        errors[field.id] = result.error;
        delete given[field.id];
        // Keep what was typed, so it can be shown again and nothing is lost.
        if (typeof raw === "string" && raw.trim()) raws[field.id] = raw;
        else if (Array.isArray(raw) && raw.length) raws[field.id] = raw.map(String).join(", ");
        else delete raws[field.id];
      }
    }
    // Visiting a step without answering it (back, pause) does not make it "answered".
    if (Object.keys(given).length > 0 || answers[step.id] !== undefined) answers[step.id] = given;
    rawInputs[step.id] = raws;
    if (Object.keys(raws).length === 0) delete rawInputs[step.id];
    return { answers, rawInputs, given, errors };
  }

  private async apply(turn: Turn, submission: Submission, partial: boolean): Promise<EngineResult> {
    const { session, step, ctx } = turn;
    const db = this.deps.db;
    const locale = ctx.locale;

    if (submission.action === "cancel") {
      // Stopped means nothing is kept: the drafts go too.
      if ((await updateSession(db, session.id, session.version, { status: "cancelled", answers: {}, rawInputs: {} })) === null) throw new StaleSubmission();
      return { kind: "cancelled", sessionId: session.id, text: t("engine.cancelled", locale) };
    }

    // Whatever came with back/pause/skip is kept as a draft too. A card's submit sends the whole
    // step (an absent or empty input means "empty"); typed text and the other actions only
    // touch the fields they carry.
    const wholeStep = submission.action === "submit" && !partial;
    const { answers, rawInputs, given, errors } = this.record(turn, submission.values, !wholeStep);

    if (submission.action === "pause") {
      if ((await updateSession(db, session.id, session.version, { answers, rawInputs, status: "paused" })) === null) throw new StaleSubmission();
      return { kind: "paused", sessionId: session.id, text: t("engine.paused", locale) };
    }

    const steps = stepsOf(turn.loaded, answers);
    const index = Math.max(
      0,
      steps.findIndex((s) => s.id === step.id),
    );

    if (submission.action === "back") {
      const previous = steps[Math.max(0, index - 1)]!;
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs, stepId: previous.id });
      if (version === null) throw new StaleSubmission();
      const next: Turn = { ...turn, steps, step: previous, session: { ...session, answers, rawInputs, version, stepId: previous.id } };
      return { kind: "step", sessionId: session.id, view: this.view(next) };
    }

    if (submission.action === "skip") {
      if (!step.skippable) {
        const version = await updateSession(db, session.id, session.version, { answers, rawInputs });
        if (version === null) throw new StaleSubmission();
        return this.stay(turn, answers, rawInputs, version, {}, [localized("engine.notSkippable")]);
      }
      // A skipped step records no answers; what was typed stays as a draft to see when going back.
      const typed = Object.fromEntries(
        Object.entries(given)
          .filter(([, v]) => v !== "" && !(Array.isArray(v) && v.length === 0))
          .map(([k, v]) => [k, String(v)]),
      );
      if (Object.keys(typed).length) rawInputs[step.id] = { ...typed, ...(rawInputs[step.id] ?? {}) };
      answers[step.id] = { [SKIPPED]: true };
      return this.advance(turn, answers, rawInputs, index);
    }

    const complete = step.fields.every((f) => isAnswered(given[f.id]));
    const stepErrors: LocalizedText[] = [];
    if (Object.keys(errors).length === 0 && complete && step.validate) {
      for (const issue of step.validate(given) as FieldError[]) {
        if (issue.fieldId) errors[issue.fieldId] = issue.message;
        else stepErrors.push(issue.message);
      }
    }
    if (Object.keys(errors).length > 0 || stepErrors.length > 0 || !complete) {
      const version = await updateSession(db, session.id, session.version, { answers, rawInputs });
      if (version === null) throw new StaleSubmission();
      return this.stay(turn, answers, rawInputs, version, errors, stepErrors);
    }
    return this.advance(turn, answers, rawInputs, index);
  }

  private stay(
    turn: Turn,
    answers: Answers,
    rawInputs: Record<string, Record<string, string>>,
    version: number,
    errors: Record<string, LocalizedText>,
    stepErrors: LocalizedText[],
  ): EngineResult {
    const next: Turn = { ...turn, steps: stepsOf(turn.loaded, answers), session: { ...turn.session, answers, rawInputs, version } };
    return { kind: "step", sessionId: turn.session.id, view: this.view(next, errors, stepErrors) };
  }

  private async advance(turn: Turn, answers: Answers, rawInputs: Record<string, Record<string, string>>, index: number): Promise<EngineResult> {
    const { session, step, ctx } = turn;
    const steps = stepsOf(turn.loaded, answers);
    const answered = describeAnswers(step, answers[step.id] ?? {}, ctx.locale, this.parseContext(turn));
    const currentIndex = steps.findIndex((s) => s.id === step.id);
    const following = steps.slice((currentIndex >= 0 ? currentIndex : index) + 1);
    const nextStep = following.find((s) => !isStepDone(s, answers)) ?? following[0];
    if (nextStep) {
      const version = await updateSession(this.deps.db, session.id, session.version, { answers, rawInputs, stepId: nextStep.id });
      if (version === null) throw new StaleSubmission();
      const next: Turn = { ...turn, steps, step: nextStep, session: { ...session, answers, rawInputs, version, stepId: nextStep.id } };
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
      return this.flow(session.kind).complete({ ...ctx, tx }, session, final);
    });
    return { kind: "completed", sessionId: session.id, completion, answered };
  }
}

// The model of one guided dialog: which step it is on, what each field holds (a value, "" for left
// empty, or nothing), what was typed but did not parse (a draft), the question it asked, and its
// status. Plain data and small transitions, written from the engine's documented behaviour
// (/work/coord/engine-semantics.md), not from its code: the property test runs both side by side.
import type { Answers } from "../../../dialogs/engine/flow.js";
import type { FieldDefinition, FieldValue, StepDefinition } from "../../../dialogs/engine/types.js";
import type { Parsed } from "./values.js";

export const SKIPPED = "__skipped";

export type Status = "active" | "paused" | "completed" | "cancelled";
export interface Draft {
  text: string;
  /** Whether the text parses for its field (a draft from a skipped step does; a typo does not). */
  valid: boolean;
}
export type Drafts = Record<string, Record<string, Draft>>;
/** A question the dialog asked about itself; a command's text waits here, not in an answer. */
export type Pending = { kind: "cancel" } | { kind: "command"; text: string; fieldId: string | null } | { kind: "edit"; fieldId: string };

/** What a turn did to the dialog, as the model predicts it. */
export type Outcome = "step" | "stayed" | "question" | "paused" | "cancelled" | "completed" | "unchanged";

export function hasContent(value: FieldValue | undefined): boolean {
  if (value == null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const SHARE = "__share";

/**
 * A shareable item gets one "may this be shared with parents?" yes/no, right after the item and the
 * fields that explain it; it is asked only once the item has content (there is nothing to share before).
 */
export function withShareFields(step: StepDefinition): StepDefinition {
  const after = new Map<string, FieldDefinition[]>();
  for (const item of step.fields.filter((f) => f.shareable)) {
    const group = step.fields.filter((f) => f === item || (f.explains === item.id && !f.shareable));
    const last = group[group.length - 1]!.id;
    const share: FieldDefinition = {
      ...item,
      id: `${item.id}${SHARE}`,
      kind: "yesNo",
      required: false,
      shareable: false,
      options: undefined,
      defaultValue: undefined,
    };
    after.set(last, [...(after.get(last) ?? []), share]);
  }
  return { ...step, fields: step.fields.flatMap((f) => [f, ...(after.get(f.id) ?? [])]) };
}

/** Whether a field's question is asked: a share question only when its item has content. */
function asked(field: FieldDefinition, answerOf: (id: string) => FieldValue | undefined): boolean {
  return !field.id.endsWith(SHARE) || hasContent(answerOf(field.id.slice(0, -SHARE.length)));
}

/** Done for the engine's "first open step" (start, a vanished step): skipped, or every required field filled. */
function isStepDone(step: StepDefinition, answers: Answers): boolean {
  const given = answers[step.id];
  if (!given) return false;
  if (given[SKIPPED] === true) return true;
  return step.fields.every((f) => !f.required || (given[f.id] !== undefined && given[f.id] !== ""));
}

/** Going forward stops at a step that still has a question nobody answered, also an optional one. */
function hasOpenQuestion(step: StepDefinition, answers: Answers): boolean {
  const given = answers[step.id];
  if (!given) return true;
  if (given[SKIPPED] === true) return false;
  return step.fields.some((f) => given[f.id] === undefined && asked(f, (id) => given[id]));
}

/** Every question of the step that is asked has an answer. */
function complete(step: StepDefinition, given: Record<string, FieldValue>): boolean {
  return step.fields.every((f) => given[f.id] !== undefined || !asked(f, (id) => given[id]));
}

function defaultParsed(field: FieldDefinition): Parsed {
  if (field.defaultValue !== undefined) return { ok: true, value: field.defaultValue };
  if (field.required) return { ok: false, raw: null };
  return { ok: true, value: field.kind === "multiChoice" ? [] : "" };
}

export class DialogModel {
  status: Status = "active";
  stepId: string;
  answers: Answers;
  drafts: Drafts = {};
  pending: Pending | null = null;
  /** The answers the records hold, once completed. */
  final: Answers | null = null;

  constructor(
    readonly label: string,
    readonly flow: string,
    readonly kind: string,
    readonly sessionId: string,
    readonly pupilLabel: string,
    private readonly stepsOf: (answers: Answers) => StepDefinition[],
    initial: Answers,
  ) {
    this.answers = structuredClone(initial);
    const steps = this.steps();
    this.stepId = (steps.find((s) => !isStepDone(s, this.answers)) ?? steps[0]!).id;
  }

  steps(answers: Answers = this.answers): StepDefinition[] {
    return this.stepsOf(answers).map(withShareFields);
  }

  step(): StepDefinition {
    const steps = this.steps();
    return steps.find((s) => s.id === this.stepId) ?? steps.find((s) => !isStepDone(s, this.answers)) ?? steps[steps.length - 1]!;
  }

  /** What a field shows: its answer, else its default (a default is not an answer yet), and whether it is in error. */
  private shown(field: FieldDefinition) {
    const given = this.answers[this.stepId]?.[field.id];
    const draft = this.drafts[this.stepId]?.[field.id];
    const error = (draft !== undefined && !draft.valid) || this.refused().includes(field.id);
    return { value: given ?? field.defaultValue, isDefault: given === undefined && field.defaultValue !== undefined, error };
  }

  /** The fields the step's own check refuses, once every field has an answer (as the view shows them). */
  private refused(): string[] {
    const step = this.step();
    const given = this.answers[step.id];
    if (!given || given[SKIPPED] === true || !step.validate || !complete(step, given)) return [];
    if (Object.values(this.drafts[step.id] ?? {}).some((d) => !d.valid)) return [];
    return step.validate(given).flatMap((issue) => (issue.fieldId ? [issue.fieldId] : []));
  }

  /** The field being changed ("wijzig n"), shown with its answer until a new one comes. */
  editing(): FieldDefinition | undefined {
    const pending = this.pending;
    return pending?.kind === "edit" ? this.step().fields.find((f) => f.id === pending.fieldId) : undefined;
  }

  /** The field a typed answer goes to: the one being changed, else the first asked, in field order, in error or open. */
  target(): FieldDefinition | undefined {
    const editing = this.editing();
    if (editing) return editing;
    return this.step().fields.find((f) => {
      const s = this.shown(f);
      const open = f.required ? !hasContent(s.value) || s.isDefault : s.value == null;
      return (s.error || open) && asked(f, (id) => this.answers[this.stepId]?.[id] ?? this.step().fields.find((x) => x.id === id)?.defaultValue);
    });
  }

  /**
   * What the field asked shows as filled in (a default, the answer being changed, or a refused answer
   * with content): "ok" keeps it.
   */
  keepable(): FieldValue | undefined {
    const target = this.target();
    if (!target) return undefined;
    const shown = this.shown(target);
    return shown.isDefault || target === this.editing() || (shown.error && hasContent(shown.value)) ? shown.value : undefined;
  }

  /** Anything a stop would discard: an answer with content, or a draft. */
  filled(): boolean {
    const values = Object.values(this.answers).flatMap((step) =>
      Object.entries(step)
        .filter(([id]) => id !== SKIPPED)
        .map(([, v]) => v),
    );
    return values.some(hasContent) || Object.keys(this.drafts).length > 0;
  }

  /** Stores what was sent for the current step, as the engine's record step does. */
  private record(values: Record<string, Parsed>, wholeStep: boolean) {
    const step = this.step();
    const answers = structuredClone(this.answers);
    const drafts = structuredClone(this.drafts);
    const given: Record<string, FieldValue> = { ...(answers[step.id] ?? {}) };
    const raws: Record<string, Draft> = { ...(drafts[step.id] ?? {}) };
    const errors: string[] = [];
    delete given[SKIPPED];
    for (const field of step.fields) {
      const provided = Object.hasOwn(values, field.id);
      if (!provided && (!wholeStep || given[field.id] !== undefined)) continue;
      const parsed = provided ? values[field.id]! : defaultParsed(field);
      if (parsed.ok) {
        given[field.id] = parsed.value;
        delete raws[field.id];
      } else {
        errors.push(field.id);
        delete given[field.id];
        if (parsed.raw?.trim()) raws[field.id] = { text: parsed.raw, valid: false };
        else delete raws[field.id];
      }
    }
    if (Object.keys(given).length > 0 || answers[step.id] !== undefined) answers[step.id] = given;
    drafts[step.id] = raws;
    if (Object.keys(raws).length === 0) delete drafts[step.id];
    return { step, answers, drafts, given, errors };
  }

  /** A card's submit (the whole step) or a typed answer (one field). */
  submit(values: Record<string, Parsed>, wholeStep: boolean): Outcome {
    this.pending = null;
    const { step, answers, drafts, given, errors } = this.record(values, wholeStep);
    this.answers = answers;
    this.drafts = drafts;
    // The flow's own checks on meaning (a SMART agreement, a school day) keep the step open.
    if (errors.length > 0 || !complete(step, given) || (step.validate?.(given).length ?? 0) > 0) return "stayed";
    return this.advance(step);
  }

  back(values: Record<string, Parsed>): Outcome {
    this.pending = null;
    const { step, answers, drafts } = this.record(values, false);
    this.answers = answers;
    this.drafts = drafts;
    const steps = this.steps();
    const index = Math.max(
      0,
      steps.findIndex((s) => s.id === step.id),
    );
    this.stepId = steps[Math.max(0, index - 1)]!.id;
    return "step";
  }

  skip(values: Record<string, Parsed>): Outcome {
    this.pending = null;
    const before: Record<string, FieldValue> = { ...(this.answers[this.step().id] ?? {}) };
    delete before[SKIPPED];
    const draftsBefore = { ...(this.drafts[this.step().id] ?? {}) };
    const { step, answers, drafts, given } = this.record(values, false);
    this.answers = answers;
    this.drafts = drafts;
    if (!step.skippable) return "stayed";
    // What the step held before the skip is stored when it completes the step with the open
    // optional questions left empty; what came with the skip and is not stored becomes a draft.
    const kept = this.completedBySkipping(step, before, draftsBefore);
    // Answers the skip could not keep are not thrown away: the step stays.
    if (!kept && Object.values(before).some(hasContent)) return "stayed";
    const typed = Object.entries(given).filter(([k, v]) => v !== "" && !(Array.isArray(v) && v.length === 0) && (!kept || String(v) !== String(kept[k])));
    if (typed.length > 0) {
      const drafted = Object.fromEntries(typed.map(([k, v]): [string, Draft] => [k, { text: String(v), valid: true }]));
      this.drafts[step.id] = { ...drafted, ...(this.drafts[step.id] ?? {}) };
    }
    this.answers[step.id] = kept ?? { [SKIPPED]: true };
    return this.advance(step);
  }

  private completedBySkipping(step: StepDefinition, before: Record<string, FieldValue>, drafts: Record<string, Draft>): Record<string, FieldValue> | null {
    if (!Object.values(before).some(hasContent)) return null;
    if (step.fields.some((f) => drafts[f.id] !== undefined)) return null;
    const filled = { ...before };
    for (const field of step.fields) {
      if (filled[field.id] === undefined && !field.required && asked(field, (id) => filled[id])) filled[field.id] = field.kind === "multiChoice" ? [] : "";
    }
    const answers = { [step.id]: filled };
    if (!isStepDone(step, answers) || hasOpenQuestion(step, answers) || (step.validate?.(filled).length ?? 0) > 0) return null;
    return filled;
  }

  pause(values: Record<string, Parsed> = {}): Outcome {
    const { answers, drafts } = this.record(values, false);
    this.answers = answers;
    this.drafts = drafts;
    this.pending = null;
    this.status = "paused";
    return "paused";
  }

  /** Stop asks first when it would discard anything; what a card carried is kept meanwhile. */
  stop(values: Record<string, Parsed> = {}): Outcome {
    const { answers, drafts } = this.record(values, false);
    this.answers = answers;
    this.drafts = drafts;
    if (!this.filled()) return this.cancel();
    this.pending = { kind: "cancel" };
    return "question";
  }

  cancel(): Outcome {
    this.status = "cancelled";
    this.pending = null;
    this.answers = {};
    this.drafts = {};
    return "cancelled";
  }

  private advance(step: StepDefinition): Outcome {
    const steps = this.steps();
    const following = steps.slice(steps.findIndex((s) => s.id === step.id) + 1);
    const next = following.find((s) => hasOpenQuestion(s, this.answers)) ?? following[0];
    if (next) {
      this.stepId = next.id;
      return "step";
    }
    const kept = new Set(steps.map((s) => s.id));
    this.final = Object.fromEntries(Object.entries(this.answers).filter(([id]) => kept.has(id)));
    this.status = "completed";
    this.pending = null;
    this.answers = {};
    this.drafts = {};
    return "completed";
  }
}

// Resolves a step for one user: texts in their language, stored values, what they typed that did
// not validate (with its error, recomputed so it survives a restart), buttons.
import type { AnsweredStep } from "../../bot/channel/types.js";
import { typedDate } from "../../bot/domain/local-time.js";
import type { DialogSessionRecord } from "../../bot/services/dialog-sessions.js";
import { SKIPPED, type LoadedFlow } from "./flow.js";
import { optionsOf, parseFieldInput, type ParseContext } from "./parse-field.js";
import type { FieldDefinition, FieldValue, FieldView, LocalizedText, StepDefinition, StepView } from "./types.js";
import { localized, translate } from "../../bot/i18n/translate.js";
import { waitingLine } from "./compact-state.js";
import { textLimit } from "../../bot/formats/fields.js";
import { isQuestionAsked } from "../../bot/formats/share.js";

type Locale = "nl" | "en";

export type { AnsweredStep };

export function formatValue(field: FieldDefinition, value: FieldValue | undefined, locale: Locale, ctx: ParseContext): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  const labelOf = (v: string) => optionsOf(field, locale, ctx).find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return translate(locale, value ? "engine.yes" : "engine.no");
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  if (field.kind === "singleChoice" || field.kind === "pupil") return labelOf(String(value));
  if (field.kind === "date" && typeof value === "string") return typedDate(value);
  return String(value);
}

export function describeAnswers(step: StepDefinition, given: Record<string, FieldValue>, locale: Locale, ctx: ParseContext): AnsweredStep {
  const skipped = given[SKIPPED] === true;
  return {
    stepId: step.id,
    title: step.title[locale],
    items: skipped
      ? [{ label: step.title[locale], value: translate(locale, "engine.skipped") }]
      : step.fields.map((f) => ({ label: f.label[locale], value: formatValue(f, given[f.id], locale, ctx) })),
  };
}

export interface ViewInput {
  session: DialogSessionRecord;
  loaded: LoadedFlow;
  steps: StepDefinition[];
  step: StepDefinition;
  locale: Locale;
  parseContext: ParseContext;
  extraErrors: Record<string, LocalizedText>;
  stepErrors: LocalizedText[];
}

export function buildView(input: ViewInput): StepView {
  const { session, steps, step, locale, parseContext } = input;
  const given = session.answers[step.id] ?? {};
  const raws = session.rawInputs[step.id] ?? {};
  const errors: Record<string, LocalizedText> = { ...input.extraErrors };
  const stepErrors = [...input.stepErrors];
  // A line typed to a numbered card before any box waits for its box number: asked with the step.
  const waiting = step.compact ? waitingLine(raws) : null;
  if (waiting !== null) stepErrors.push(localized("short.text.whichBox", { text: waiting.replace(/\s*\r?\n\s*/g, " ").trim() }));
  for (const field of step.fields) {
    const raw = raws[field.id];
    if (raw !== undefined && !errors[field.id]) {
      const result = parseFieldInput(field, raw, parseContext);
      if (!result.ok) errors[field.id] = result.error;
    }
  }
  // A step answered in full that still fails its own check (e.g. after a restart) shows why.
  const complete = step.fields.every((f) => given[f.id] !== undefined || !isQuestionAsked(f.id, (id) => given[id]));
  if (complete && step.validate && Object.keys(errors).length === 0 && stepErrors.length === 0 && given[SKIPPED] !== true) {
    for (const issue of step.validate(given)) {
      if (issue.fieldId) errors[issue.fieldId] = issue.message;
      else stepErrors.push(issue.message);
    }
  }

  const fields: FieldView[] = step.fields.map((field) => {
    const value = given[field.id] ?? field.defaultValue;
    const options =
      field.kind === "singleChoice" || field.kind === "multiChoice" || field.kind === "pupil"
        ? field.kind === "pupil"
          ? optionsOf(field, locale, parseContext)
          : (field.options ?? []).map((o) => ({
              value: o.value,
              label: o.label[locale],
              ...(o.icon ? { icon: o.icon } : {}),
            }))
        : undefined;
    return {
      id: field.id,
      kind: field.kind,
      label: field.label[locale],
      required: field.required,
      ...(field.help ? { help: field.help[locale] } : {}),
      ...(field.placeholder ? { placeholder: field.placeholder[locale] } : {}),
      ...(options ? { options } : {}),
      // Every text field shows its one limit, the one the core checks (textLimit).
      ...(field.kind === "shortText" || field.kind === "longText" ? { maxLength: textLimit(field) } : {}),
      ...(field.min !== undefined ? { min: field.min } : {}),
      ...(field.max !== undefined ? { max: field.max } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(given[field.id] === undefined && field.defaultValue !== undefined ? { isDefault: true } : {}),
      ...(raws[field.id] !== undefined ? { raw: raws[field.id] } : {}),
      ...(session.pending?.kind === "edit" && session.pending.fieldId === field.id ? { editing: true } : {}),
      ...(errors[field.id] ? { error: errors[field.id]![locale] } : {}),
    };
  });

  const index = Math.max(
    0,
    steps.findIndex((s) => s.id === step.id),
  );
  const isLast = index === steps.length - 1;
  return {
    sessionId: session.id,
    version: session.version,
    stepId: step.id,
    dialogTitle: input.loaded.title,
    title: step.title[locale],
    ...(step.intro ? { intro: step.intro[locale] } : {}),
    tips: (step.tips ?? []).map((tip) => tip[locale]),
    info: step.info ?? [],
    progress: { index: index + 1, total: steps.length },
    fields,
    errors: stepErrors.map((e) => e[locale]),
    actions: {
      submit: translate(locale, isLast ? "engine.finish" : "engine.submit"),
      ...(index > 0 ? { back: translate(locale, "engine.back") } : {}),
      ...(step.skippable ? { skip: translate(locale, "engine.skip") } : {}),
      pause: translate(locale, "engine.pause"),
      cancel: translate(locale, "engine.cancel"),
    },
    locale,
    ...(step.compact ? { compact: true } : {}),
  };
}

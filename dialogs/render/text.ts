// Text rendering of a dialog step: for the terminal chat and for answers typed in a chat.
// Text mode asks one field at a time; the engine parses what comes back. Pure: no I/O, no clock.
// Output is markdown-light (**bold** and line breaks), which the adapters convert.
import type { FieldValue, FieldView, StepView } from "../engine/types.js";
import { hasContent, nextTextField } from "../engine/next-field.js";
import { renderText } from "./texts.js";
import { renderCompactText } from "./compact-text.js";

type Locale = StepView["locale"];

const TIP = "💡";
const WARNING = "⚠️";

/**
 * The step's position for display: "2/7". `progress.index` is the 1-based number of the step
 * (the engine's buildView sets `index + 1`), clamped to 1..total. Shared by all renderers so
 * the three channels always agree.
 */
export function stepProgress(view: StepView): { current: number; total: number } {
  const total = Math.max(1, Math.floor(view.progress.total));
  const current = Math.min(total, Math.max(1, Math.floor(view.progress.index)));
  return { current, total };
}

/** "Stap 2/7" / "Step 2/7". */
export function progressLabel(view: StepView): string {
  const { current, total } = stepProgress(view);
  return renderText(view.locale, "render.step", { current, total });
}

/** "Hoogstens 3000 tekens." for a text field with a limit; the same words in every channel. */
export function limitNote(locale: Locale, field: FieldView): string | undefined {
  if ((field.kind !== "shortText" && field.kind !== "longText") || !field.maxLength) return undefined;
  return renderText(locale, "render.maxLength", { count: field.maxLength });
}

/** The typed commands the step allows, in the view's language: "terug · overslaan · pauze · stop". */
export function commandsLine(view: StepView): string {
  const present = (label: string | undefined) => label !== undefined && label.trim() !== "";
  const parts: string[] = [];
  if (present(view.actions.back)) parts.push(renderText(view.locale, "render.command.back"));
  if (present(view.actions.skip)) parts.push(renderText(view.locale, "render.command.skip"));
  if (present(view.actions.pause)) parts.push(renderText(view.locale, "render.command.pause"));
  if (present(view.actions.cancel)) parts.push(renderText(view.locale, "render.command.cancel"));
  return parts.join(" · ");
}

export function renderStepText(view: StepView): string {
  if (view.compact) return renderCompactText(view);
  const lines: string[] = [];
  lines.push(`${oneLine(view.dialogTitle)} · ${progressLabel(view)}`);
  lines.push(`**${oneLine(view.title)}**`);
  if (view.intro?.trim()) lines.push(view.intro.trim());
  for (const info of view.info) if (info.trim()) lines.push(`• ${info.trim()}`);
  for (const tip of view.tips) if (tip.trim()) lines.push(`${TIP} ${tip.trim()}`);
  for (const error of view.errors) if (error.trim()) lines.push(`${WARNING} ${error.trim()}`);

  const field = nextTextField(view);
  lines.push("");
  if (field) {
    // Shown again after a pause or a restart: what the step already holds, so she sees where she was.
    const given = view.recap ? view.fields.filter((f) => f !== field && !f.isDefault && f.value != null && hasContent(f.value)) : [];
    if (given.length > 0) {
      lines.push(renderText(view.locale, "render.filledSoFar"));
      for (const f of given) lines.push(`${view.fields.indexOf(f) + 1}. ${oneLine(f.label)}: ${displayValue(view.locale, f, f.value!)}`);
      lines.push("");
    }
    lines.push(...renderFieldText(view, field));
  } else {
    // The answers with the numbers "wijzig <nummer>" takes, so the teacher sees what she would change.
    view.fields.forEach((f, i) => {
      const given = f.value != null && hasContent(f.value) ? displayValue(view.locale, f, f.value) : renderText(view.locale, "render.empty");
      lines.push(`${i + 1}. ${oneLine(f.label)}: ${given}`);
    });
    lines.push(renderText(view.locale, "render.allAnswered"));
  }

  const commands = commandsLine(view);
  if (commands) {
    lines.push("");
    lines.push(commands);
  }
  return lines.join("\n");
}

function renderFieldText(view: StepView, field: FieldView): string[] {
  const lang = view.locale;
  const lines: string[] = [];
  const position = view.fields.indexOf(field);
  const label = oneLine(field.label);
  lines.push(view.fields.length > 1 ? renderText(lang, "render.question", { current: position + 1, total: view.fields.length, label }) : label);
  if (field.help?.trim()) lines.push(field.help.trim());

  if (hasOptions(field)) {
    (field.options ?? []).forEach((option, i) => {
      lines.push(`${i + 1}. ${option.icon ? `${option.icon} ` : ""}${oneLine(option.label)}`);
    });
  }

  const instruction = [instructionFor(view.locale, field)];
  if (!field.required) instruction.push(renderText(lang, "render.leaveEmpty"));
  lines.push(instruction.join(" "));

  if (field.value != null && hasContent(field.value)) {
    // A default or an answer being changed can be kept with "ok" (the engine takes it as is).
    const key = field.editing || field.isDefault ? "render.currentKeep" : "render.current";
    lines.push(renderText(lang, key, { value: displayValue(lang, field, field.value) }));
  }
  if (field.error?.trim()) lines.push(`${WARNING} ${field.error.trim()}`);
  if (field.raw !== undefined && field.raw.trim() !== "") lines.push(renderText(lang, "render.typed", { text: oneLine(field.raw) }));
  return lines;
}

function hasOptions(field: FieldView): boolean {
  return (field.kind === "singleChoice" || field.kind === "multiChoice" || field.kind === "pupil") && (field.options?.length ?? 0) > 0;
}

function instructionFor(locale: Locale, field: FieldView): string {
  switch (field.kind) {
    case "shortText":
    case "longText": {
      const base = renderText(locale, field.kind === "longText" ? "render.typeLongText" : "render.typeText");
      return [base, limitNote(locale, field)].filter(Boolean).join(" ");
    }
    case "singleChoice":
      return renderText(locale, "render.typeChoice");
    case "pupil":
      return renderText(locale, "render.typePupil");
    case "multiChoice":
      return renderText(locale, "render.typeMulti");
    case "yesNo":
      return renderText(locale, "render.typeYesNo");
    case "date":
      return renderText(locale, "render.typeDate");
    case "time":
      return renderText(locale, "render.typeTime");
    case "number": {
      const { min, max } = field;
      if (min !== undefined && max !== undefined) return renderText(locale, "render.typeNumberBetween", { min, max });
      if (min !== undefined) return renderText(locale, "render.typeNumberAtLeast", { min });
      if (max !== undefined) return renderText(locale, "render.typeNumberAtMost", { max });
      return renderText(locale, "render.typeNumber");
    }
  }
}

/** A stored value as the teacher would read (and type) it. */
function displayValue(locale: Locale, field: FieldView, value: FieldValue): string {
  const yes = renderText(locale, "render.text.yes");
  const no = renderText(locale, "render.text.no");
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return value ? yes : no;
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  if (typeof value === "number") return String(value);
  if (field.kind === "yesNo") return value === "true" ? yes : value === "false" ? no : value;
  if (field.kind === "singleChoice" || field.kind === "pupil") return labelOf(value);
  if (field.kind === "multiChoice")
    return value
      .split(",")
      .map((v) => labelOf(v.trim()))
      .join(", ");
  if (field.kind === "date") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (iso) return `${iso[3]}-${iso[2]}-${iso[1]}`;
  }
  return oneLine(value);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

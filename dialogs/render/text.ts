// Text rendering of a dialog step: for the terminal chat and for answers typed in a chat.
// Text mode asks one field at a time; the engine parses what comes back. Pure: no I/O, no clock.
// Output is markdown-light (**bold** and line breaks), which the adapters convert.
import type { FieldValue, FieldView, StepView } from "../engine/types.js";
import { hasContent, nextTextField } from "../engine/next-field.js";

type Locale = StepView["locale"];

const TEXTS = {
  nl: {
    step: "Stap",
    question: "Vraag",
    tip: "💡",
    warning: "⚠️",
    typed: "Je typte",
    current: "Nu ingevuld",
    yes: "ja",
    no: "nee",
    typeText: "Typ je antwoord.",
    typeLongText: "Typ je antwoord (meerdere zinnen mag).",
    maxLength: (n: number) => `Hoogstens ${n} tekens.`,
    typeChoice: "Typ het nummer van je keuze.",
    typePupil: "Typ het nummer van de leerling.",
    typeMulti: "Typ een of meer nummers, gescheiden door komma's (bijvoorbeeld 1,3).",
    typeYesNo: "Typ ja/nee.",
    typeDate: "Typ een datum als dd-mm-jjjj.",
    typeTime: "Typ een tijd als uu:mm.",
    typeNumber: "Typ een getal",
    between: (min: number, max: number) => ` van ${min} tot en met ${max}`,
    atLeast: (min: number) => ` van minstens ${min}`,
    atMost: (max: number) => ` van hoogstens ${max}`,
    leaveEmpty: 'Typ "-" om dit leeg te laten.',
    allAnswered: "Alle vragen van deze stap zijn beantwoord. Typ **ok** om verder te gaan, of **wijzig <nummer>** om een antwoord te veranderen.",
    commands: { back: "terug", skip: "overslaan", pause: "pauze", cancel: "stop" },
  },
  en: {
    step: "Step",
    question: "Question",
    tip: "💡",
    warning: "⚠️",
    typed: "You typed",
    current: "Current answer",
    yes: "yes",
    no: "no",
    typeText: "Type your answer.",
    typeLongText: "Type your answer (several sentences are fine).",
    maxLength: (n: number) => `At most ${n} characters.`,
    typeChoice: "Type the number of your choice.",
    typePupil: "Type the number of the pupil.",
    typeMulti: "Type one or more numbers, separated by commas (for example 1,3).",
    typeYesNo: "Type yes/no.",
    typeDate: "Type a date as dd-mm-yyyy.",
    typeTime: "Type a time as hh:mm.",
    typeNumber: "Type a number",
    between: (min: number, max: number) => ` from ${min} to ${max}`,
    atLeast: (min: number) => ` of at least ${min}`,
    atMost: (max: number) => ` of at most ${max}`,
    leaveEmpty: 'Type "-" to leave this empty.',
    allAnswered: "All questions of this step are answered. Type **ok** to continue, or **edit <number>** to change an answer.",
    commands: { back: "back", skip: "skip", pause: "pause", cancel: "stop" },
  },
} as const;

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
  return `${TEXTS[view.locale].step} ${current}/${total}`;
}

/** Whether the field holds something other than "nothing" (undefined, "", blank, []). */
/** The typed commands the step allows, in the view's language: "terug · overslaan · pauze · stop". */
export function commandsLine(view: StepView): string {
  const words = TEXTS[view.locale].commands;
  const present = (label: string | undefined) => label !== undefined && label.trim() !== "";
  const parts: string[] = [];
  if (present(view.actions.back)) parts.push(words.back);
  if (present(view.actions.skip)) parts.push(words.skip);
  if (present(view.actions.pause)) parts.push(words.pause);
  if (present(view.actions.cancel)) parts.push(words.cancel);
  return parts.join(" · ");
}

export function renderStepText(view: StepView): string {
  const t = TEXTS[view.locale];
  const lines: string[] = [];
  lines.push(`${oneLine(view.dialogTitle)} · ${progressLabel(view)}`);
  lines.push(`**${oneLine(view.title)}**`);
  if (view.intro?.trim()) lines.push(view.intro.trim());
  for (const info of view.info) if (info.trim()) lines.push(`• ${info.trim()}`);
  for (const tip of view.tips) if (tip.trim()) lines.push(`${t.tip} ${tip.trim()}`);
  for (const error of view.errors) if (error.trim()) lines.push(`${t.warning} ${error.trim()}`);

  const field = nextTextField(view);
  lines.push("");
  if (field) {
    lines.push(...renderFieldText(view, field));
  } else {
    lines.push(t.allAnswered);
  }

  const commands = commandsLine(view);
  if (commands) {
    lines.push("");
    lines.push(commands);
  }
  return lines.join("\n");
}

function renderFieldText(view: StepView, field: FieldView): string[] {
  const t = TEXTS[view.locale];
  const lines: string[] = [];
  const position = view.fields.indexOf(field);
  const counter = view.fields.length > 1 ? `${t.question} ${position + 1}/${view.fields.length}: ` : "";
  lines.push(`${counter}${oneLine(field.label)}`);
  if (field.help?.trim()) lines.push(field.help.trim());

  if (hasOptions(field)) {
    (field.options ?? []).forEach((option, i) => {
      lines.push(`${i + 1}. ${option.icon ? `${option.icon} ` : ""}${oneLine(option.label)}`);
    });
  }

  const instruction = [instructionFor(view.locale, field)];
  if (!field.required) instruction.push(t.leaveEmpty);
  lines.push(instruction.join(" "));

  if (field.value != null && hasContent(field.value)) lines.push(`${t.current}: ${displayValue(view.locale, field, field.value)}`);
  if (field.error?.trim()) lines.push(`${t.warning} ${field.error.trim()}`);
  if (field.raw !== undefined && field.raw.trim() !== "") lines.push(`${t.typed}: ${oneLine(field.raw)}`);
  return lines;
}

function hasOptions(field: FieldView): boolean {
  return (
    (field.kind === "singleChoice" || field.kind === "multiChoice" || field.kind === "pupil") &&
    (field.options?.length ?? 0) > 0
  );
}

function instructionFor(locale: Locale, field: FieldView): string {
  const t = TEXTS[locale];
  switch (field.kind) {
    case "shortText":
    case "longText": {
      const base = field.kind === "longText" ? t.typeLongText : t.typeText;
      return field.maxLength ? `${base} ${t.maxLength(field.maxLength)}` : base;
    }
    case "singleChoice":
      return t.typeChoice;
    case "pupil":
      return t.typePupil;
    case "multiChoice":
      return t.typeMulti;
    case "yesNo":
      return t.typeYesNo;
    case "date":
      return t.typeDate;
    case "time":
      return t.typeTime;
    case "number": {
      const { min, max } = field;
      const range =
        min !== undefined && max !== undefined
          ? t.between(min, max)
          : min !== undefined
            ? t.atLeast(min)
            : max !== undefined
              ? t.atMost(max)
              : "";
      return `${t.typeNumber}${range}.`;
    }
  }
}

/** A stored value as the teacher would read (and type) it. */
function displayValue(locale: Locale, field: FieldView, value: FieldValue): string {
  const t = TEXTS[locale];
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return value ? t.yes : t.no;
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  if (typeof value === "number") return String(value);
  if (field.kind === "yesNo") return value === "true" ? t.yes : value === "false" ? t.no : value;
  if (field.kind === "singleChoice" || field.kind === "pupil") return labelOf(value);
  if (field.kind === "multiChoice") return value.split(",").map((v) => labelOf(v.trim())).join(", ");
  if (field.kind === "date") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (iso) return `${iso[3]}-${iso[2]}-${iso[1]}`;
  }
  return oneLine(value);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

// Text rendering of a compact step (the short conversation's cards): every question at once,
// numbered, with what it holds now; the teacher types "2: …" lines and "klaar" (engine/compact-text.ts).
import type { FieldView, StepView } from "../engine/types.js";
import { typedDate } from "../../bot/domain/local-time.js";
import { commandsLine, progressLabel } from "./text.js";
import { renderText } from "./texts.js";

const TIP = "💡";
const WARNING = "⚠️";

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

function shown(view: StepView, field: FieldView): string {
  const value = field.value;
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  const labelOf = (v: string) => field.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === "boolean") return renderText(view.locale, value ? "render.text.yes" : "render.text.no");
  if (Array.isArray(value)) return value.map(labelOf).join(", ");
  if (field.kind === "singleChoice" || field.kind === "pupil") return labelOf(String(value));
  if (field.kind === "date") return typedDate(String(value));
  return oneLine(String(value));
}

function fieldLines(view: StepView, field: FieldView, n: number): string[] {
  const lines = [`${n}. ${oneLine(field.label)}: ${shown(view, field)}`];
  if (field.options?.length) lines.push(`   (${field.options.map((o, i) => `${i + 1} ${o.icon ? `${o.icon} ` : ""}${oneLine(o.label)}`).join(" · ")})`);
  if (field.kind === "yesNo") lines.push(`   (${renderText(view.locale, "render.typeYesNo")})`);
  if (field.kind === "date") lines.push(`   (${renderText(view.locale, "render.typeDate")})`);
  if (field.editing) lines.push(`   ${renderText(view.locale, "render.compactEditing")}`);
  if (field.error?.trim()) lines.push(`   ${WARNING} ${field.error.trim()}`);
  if (field.raw !== undefined && field.raw.trim() !== "") lines.push(`   ${renderText(view.locale, "render.typed", { text: oneLine(field.raw) })}`);
  return lines;
}

export function renderCompactText(view: StepView): string {
  const lines: string[] = [`${oneLine(view.dialogTitle)} · ${progressLabel(view)}`, `**${oneLine(view.title)}**`];
  if (view.intro?.trim()) lines.push(view.intro.trim());
  for (const info of view.info) if (info.trim()) lines.push(`• ${info.trim()}`);
  for (const tip of view.tips) if (tip.trim()) lines.push(`${TIP} ${tip.trim()}`);
  for (const error of view.errors) if (error.trim()) lines.push(`${WARNING} ${error.trim()}`);
  lines.push("");
  view.fields.forEach((field, i) => lines.push(...fieldLines(view, field, i + 1)));
  lines.push("", renderText(view.locale, "render.compactHowTo"));
  const commands = commandsLine(view);
  if (commands) lines.push("", commands);
  return lines.join("\n");
}

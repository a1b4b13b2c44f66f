// Stored words as a reader reads them: a choice by its label, yes/no as words, a date as a date,
// a status in the reader's language. Shared by `gesprek bekijken` and the access export.
import { formatLocalDate } from "../domain/local-time.js";
import { isMessageKey, type Translator } from "../i18n/translate.js";
import type { ReadAnswer } from "./conversation-read.js";

/** A stored status word in the reader's language; an unknown one is shown as stored. */
export function word(t: Translator, prefix: "goalStatus" | "outcome" | "nextStep" | "status" | "report.kind", value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** A stored answer as the reader reads it: choices by their labels, yes/no as words, dates as dates. */
export function shownValue(answer: ReadAnswer, { t, locale }: { t: Translator; locale: "nl" | "en" }): string {
  const { field, value } = answer;
  const label = (v: string) => field.options?.find((o) => o.value === v)?.label[locale] ?? v;
  if (typeof value === "boolean") return value ? t("read.yes") : t("read.no");
  if (Array.isArray(value)) return field.options ? value.map(String).map(label).join(", ") : value.map(String).join("\n  ");
  if (field.kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatLocalDate(value, locale);
  return label(String(value));
}

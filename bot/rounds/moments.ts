// A teacher's weekly available moments, typed as "di 10:30-11:15, do 13:00-13:45" (Dutch or
// English day names). Parsed strictly: a moment we cannot read is reported, never guessed.
import { weekdayName, weekdayOfWord } from "../domain/weekday-words.js";

export interface WeeklyMoment {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start: string;
  end: string;
}

export type MomentsParse = { ok: true; moments: WeeklyMoment[] } | { ok: false; problem: string };

function time(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** `problem` is the piece that could not be read, to show back to the teacher. */
export function parseMoments(text: string): MomentsParse {
  const parts = text
    .split(/[,;\n]+|\s+en\s+|\s+and\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, problem: text };
  const moments: WeeklyMoment[] = [];
  for (const part of parts) {
    const m = /^([a-z]+)\.?\s+(\d{1,2}(?:[:.]\d{2})?)\s*(?:-|–|tot|to|until)\s*(\d{1,2}(?:[:.]\d{2})?)(?:\s*u(?:ur)?)?$/i.exec(part);
    const weekday = m ? weekdayOfWord(m[1]!) : null;
    const start = m ? time(m[2]!) : null;
    const end = m ? time(m[3]!) : null;
    if (!weekday || !start || !end || end <= start) return { ok: false, problem: part };
    moments.push({ weekday, start, end });
  }
  return { ok: true, moments: moments.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)) };
}

export function formatMoments(moments: WeeklyMoment[], locale: "nl" | "en"): string {
  return moments.map((m) => `${weekdayName(m.weekday, locale)} ${m.start}-${m.end}`).join(", ");
}

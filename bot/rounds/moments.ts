// A teacher's weekly available moments, typed as "di 10:30-11:15, do 13:00-13:45" (Dutch or
// English day names). Parsed strictly: a moment we cannot read is reported, never guessed.
import { translate } from "../i18n/translate.js";

export interface WeeklyMoment {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  start: string;
  end: string;
}

const DAY_NAMES: Record<string, number> = {
  ma: 1,
  maandag: 1,
  mon: 1,
  monday: 1,
  di: 2,
  dinsdag: 2,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wo: 3,
  woensdag: 3,
  wed: 3,
  wednesday: 3,
  do: 4,
  donderdag: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  vr: 5,
  vrijdag: 5,
  fri: 5,
  friday: 5,
  za: 6,
  zaterdag: 6,
  sat: 6,
  saturday: 6,
  zo: 7,
  zondag: 7,
  sun: 7,
  sunday: 7,
};

// Short day names for showing moments back, Monday first (ISO weekday 1).
const DAY_SHORT = ["weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6", "weekday.7"] as const;

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
    const weekday = m ? DAY_NAMES[m[1]!.toLowerCase()] : undefined;
    const start = m ? time(m[2]!) : null;
    const end = m ? time(m[3]!) : null;
    if (!weekday || !start || !end || end <= start) return { ok: false, problem: part };
    moments.push({ weekday, start, end });
  }
  return { ok: true, moments: moments.sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)) };
}

export function formatMoments(moments: WeeklyMoment[], locale: "nl" | "en"): string {
  return moments.map((m) => `${translate(locale, DAY_SHORT[m.weekday - 1]!)} ${m.start}-${m.end}`).join(", ");
}

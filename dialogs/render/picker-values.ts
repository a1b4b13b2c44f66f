// Value conversions both rich renderers need (pre-filling date and time pickers).

/** YYYY-MM-DD from "YYYY-MM-DD…" or a typed "dd-mm-yyyy"; undefined if not a real date. */
export function isoDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(s);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [y, m, d] = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** HH:MM from "H:MM", "HH:MM" or "HH:MM:SS"; undefined if not a time of day. */
export function hhmm(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

/**
 * The initial value of a date or time picker: what was typed (when it can be shown in a picker),
 * else the stored answer. `rawShown` tells whether the typed text itself is on screen, so the
 * renderer need not repeat it next to the error.
 */
export function pickerInitial(kind: "date" | "time", raw: string | undefined, stored: string | undefined): { value?: string; rawShown: boolean } {
  const convert = kind === "date" ? isoDate : hhmm;
  const fromRaw = raw !== undefined ? convert(raw) : undefined;
  const value = fromRaw ?? convert(stored);
  return { ...(value ? { value } : {}), rawShown: fromRaw !== undefined && fromRaw === raw?.trim() };
}

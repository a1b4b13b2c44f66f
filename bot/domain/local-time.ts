// School-local calendar helpers. Instants are stored in UTC; what a teacher means by "today"
// or "10:30" is the school's wall clock.

// Intl formatters are expensive to build and safe to share: one per timezone and purpose.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "time" | "parts", timezone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timezone}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      kind === "date"
        ? new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" })
        : kind === "time"
          ? new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
          : new Intl.DateTimeFormat("en-US", {
              timeZone: timezone,
              hourCycle: "h23",
              year: "numeric",
              month: "numeric",
              day: "numeric",
              hour: "numeric",
              minute: "numeric",
            });
    formatters.set(key, f);
  }
  return f;
}

/** YYYY-MM-DD of an instant in a timezone. */
export function localDate(instant: Date, timezone: string): string {
  return formatter("date", timezone).format(instant);
}

/** The UTC instant of a school-local wall-clock time. Handles daylight-saving offsets. */
export function zonedTimeToUtc(date: string, time: string, timezone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const asIfUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset at that moment; computed twice so a guess near a transition settles.
  let guess = asIfUtc;
  for (let i = 0; i < 2; i++) guess = asIfUtc - offsetMinutes(new Date(guess), timezone) * 60_000;
  return new Date(guess);
}

/** Minutes the zone is ahead of UTC at an instant. */
export function offsetMinutes(instant: Date, timezone: string): number {
  const parts = Object.fromEntries(
    formatter("parts", timezone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** "HH:MM" of an instant in a timezone. */
export function localTime(instant: Date, timezone: string): string {
  return formatter("time", timezone).format(instant);
}

const DATE_NL = new Intl.DateTimeFormat("nl-NL", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const DATE_EN = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "di 24 nov." for a YYYY-MM-DD date. */
export function formatLocalDate(date: string, locale: "nl" | "en"): string {
  return (locale === "nl" ? DATE_NL : DATE_EN).format(new Date(`${date}T12:00:00Z`));
}

/** A YYYY-MM-DD date as a teacher types it and reads it back: "14-12-2026" (dd-mm-jjjj). */
export function typedDate(isoDate: string): string {
  return isoDate.split("-").reverse().join("-");
}

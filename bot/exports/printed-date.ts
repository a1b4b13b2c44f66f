// The one way a printout writes a date ("3 december 2026"): a school-local YYYY-MM-DD as it is, an
// instant in Dutch time (the schools are in the Netherlands).
type Locale = "nl" | "en";

export function printedDate(d: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: typeof d === "string" ? "UTC" : "Europe/Amsterdam",
  }).format(typeof d === "string" ? new Date(`${d}T12:00:00Z`) : d);
}

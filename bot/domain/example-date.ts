// Dates a text shows "for example": computed from today, never written into the text, so an
// example never lies in the past.
import { addDays, isoWeekday } from "./school-calendar.js";
import { typedDate } from "./local-time.js";

/** A weekday a week or so after today (YYYY-MM-DD), as a teacher types it: "10-12-2026" (dd-mm-jjjj). */
export function exampleDate(today: string): string {
  const weekLater = addDays(today, 7);
  const weekday = isoWeekday(weekLater);
  const date = weekday > 5 ? addDays(weekLater, 8 - weekday) : weekLater;
  return typedDate(date);
}

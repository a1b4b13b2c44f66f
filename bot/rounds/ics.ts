// Planned conversations as an iCalendar file, so a teacher can put them in their own calendar
// (Outlook, Google) with one click. The `ics` library does the format's escaping, line folding
// and UIDs. Only the pupil's first name goes in: a calendar is often shared with colleagues.
import { createEvents, type EventAttributes } from "ics";

export interface CalendarItem {
  /** Stable per conversation, so importing again updates instead of duplicating. */
  uid: string;
  start: Date;
  durationMinutes: number;
  title: string;
  description?: string;
}

export function conversationsCalendar(items: CalendarItem[]): string {
  const events: EventAttributes[] = items.map((item) => ({
    uid: item.uid,
    start: item.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: item.durationMinutes },
    title: item.title,
    ...(item.description ? { description: item.description } : {}),
    productId: "gesprekswijzer",
    calName: "Gesprekswijzer",
  }));
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be built");
  return value;
}

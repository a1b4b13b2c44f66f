// Proposes when to hold each pupil's conversation: the teacher's weekly moments, inside the
// round's window, on school days the teacher works, spread evenly so the conversations do not
// all land in the first week. Pure: the same input always gives the same proposal.
import { addMinutesToTime, minutesOfTime, schoolDaysIn, type SchoolCalendar } from "../domain/school-calendar.js";
import { isoWeekday } from "../domain/school-calendar.js";
import type { WeeklyMoment } from "./moments.js";

export interface ProposalInput {
  calendar: SchoolCalendar;
  /** First and last date (inclusive) a conversation may be planned on. */
  from: string;
  to: string;
  moments: WeeklyMoment[];
  minutesPerConversation: number;
  /** In the order the teacher would like to see them (alphabetical). */
  pupilIds: string[];
  /** The teacher's working days in this group (duo-partners split the week). */
  workingDays: ReadonlySet<number>;
  /** Slots already taken by the teacher's other conversations: "YYYY-MM-DD HH:MM". */
  taken?: ReadonlySet<string>;
}

export interface ProposedConversation {
  pupilId: string;
  date: string;
  time: string;
}

export interface Proposal {
  planned: ProposedConversation[];
  /** Pupils that did not fit in the window: the teacher adds a moment or plans them by hand. */
  unplaced: string[];
}

interface Occurrence {
  date: string;
  times: string[];
}

function occurrences(input: ProposalInput): Occurrence[] {
  const result: Occurrence[] = [];
  for (const date of schoolDaysIn(input.calendar, input.from, input.to, input.workingDays)) {
    for (const moment of input.moments.filter((m) => m.weekday === isoWeekday(date))) {
      const times: string[] = [];
      const end = minutesOfTime(moment.end);
      for (let t = moment.start; minutesOfTime(t) + input.minutesPerConversation <= end; t = addMinutesToTime(t, input.minutesPerConversation)) {
        if (!input.taken?.has(`${date} ${t}`)) times.push(t);
        if (minutesOfTime(t) + input.minutesPerConversation >= 24 * 60) break;
      }
      if (times.length) result.push({ date, times });
    }
  }
  return result;
}

export function proposeSchedule(input: ProposalInput): Proposal {
  if (input.minutesPerConversation <= 0) throw new Error("minutes per conversation must be positive");
  const slots = occurrences(input);
  const capacity = slots.reduce((sum, s) => sum + s.times.length, 0);
  const count = Math.min(capacity, input.pupilIds.length);
  if (count === 0) return { planned: [], unplaced: [...input.pupilIds] };
  // Even spread: the i-th conversation goes to the moment at fraction i/count of the window;
  // a full moment passes its pupil on to the next one with room.
  const used = slots.map(() => 0);
  const planned: ProposedConversation[] = [];
  for (let i = 0; i < count; i++) {
    let index = Math.floor((i * slots.length) / count);
    while (used[index]! >= slots[index]!.times.length) index = (index + 1) % slots.length;
    const slot = slots[index]!;
    planned.push({ pupilId: input.pupilIds[i]!, date: slot.date, time: slot.times[used[index]!]! });
    used[index]!++;
  }
  planned.sort((a, b) => (a.date + a.time).localeCompare(b.date + b.time));
  return { planned, unplaced: input.pupilIds.slice(count) };
}

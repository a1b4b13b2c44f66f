// Dates a teacher picks (an evaluation, a planned conversation, a preparation): why a date is
// refused and which date to pick instead (bot/domain/school-day-rule.ts). A text may begin
// with {date}: the rule capitalises the first letter.
import type { Catalogue } from "../../text/text.js";

export const dates = {
  "schoolDate.notAfterToday": { nl: "De datum moet na vandaag liggen.", en: "The date must be after today." },
  "schoolDate.outside": {
    nl: "{date} valt buiten de periode van {from} tot en met {to}.",
    en: "{date} is outside the period from {from} to {to}.",
  },
  "schoolDate.weekend": { nl: "{date} is geen schooldag: het is weekend.", en: "{date} is not a school day: it is the weekend." },
  "schoolDate.closedWeekday": {
    nl: "{date} is geen schooldag: de school is op die dag van de week dicht.",
    en: "{date} is not a school day: the school is closed on that day of the week.",
  },
  "schoolDate.closureNamed": { nl: "{date} is geen schooldag: {name}.", en: "{date} is not a school day: {name}." },
  "schoolDate.holiday": { nl: "{date} is geen schooldag: het is vakantie.", en: "{date} is not a school day: it is a holiday." },
  "schoolDate.studyDay": { nl: "{date} is geen schooldag: het is een studiedag.", en: "{date} is not a school day: it is a study day." },
  "schoolDate.notWorking": {
    nl: "{name} werkt niet op {date} (werkdagen: {days}).",
    en: "{name} does not work on {date} (working days: {days}).",
  },
  "schoolDate.notWorkingYou": {
    nl: "Je werkt niet op {date} (je werkdagen: {days}).",
    en: "You do not work on {date} (your working days: {days}).",
  },
  "schoolDate.proposal": { nl: "Kies bijvoorbeeld {date}.", en: "Choose, for example, {date}." },
  "schoolDate.noProposal": { nl: "Kies een andere dag.", en: "Choose another day." },
} as const satisfies Catalogue;

// The engine's own words (buttons, generic errors), in both languages.
import type { LocalizedText } from "./types.js";

export const UI = {
  submit: { nl: "Volgende", en: "Next" },
  finish: { nl: "Afronden", en: "Finish" },
  back: { nl: "Terug", en: "Back" },
  skip: { nl: "Overslaan", en: "Skip" },
  pause: { nl: "Pauzeren", en: "Pause" },
  cancel: { nl: "Stoppen", en: "Stop" },
  required: { nl: "Vul dit in om verder te gaan.", en: "Please fill this in to continue." },
  notSkippable: { nl: "Deze stap kun je niet overslaan.", en: "This step cannot be skipped." },
  tooLong: { nl: "Dit is te lang (maximaal {max} tekens).", en: "This is too long (at most {max} characters)." },
  notANumber: { nl: "Typ een getal.", en: "Please type a number." },
  numberRange: { nl: "Kies een getal van {min} tot {max}.", en: "Choose a number from {min} to {max}." },
  notADate: { nl: "Typ een datum, bijvoorbeeld 25-11-2026, 'morgen' of 'dinsdag'.", en: "Type a date, for example 25-11-2026, 'tomorrow' or 'Tuesday'." },
  notATime: { nl: "Typ een tijd, bijvoorbeeld 10:30.", en: "Type a time, for example 10:30." },
  notYesNo: { nl: "Antwoord met ja of nee.", en: "Answer yes or no." },
  notAnOption: { nl: "Kies een van de mogelijkheden (het nummer of de tekst).", en: "Choose one of the options (its number or text)." },
  noPupilMatch: { nl: "Die leerling staat niet in de lijst. Typ de naam of het nummer.", en: "That pupil is not in the list. Type the name or the number." },
  manyPupilMatches: { nl: "Meerdere leerlingen passen hierbij; typ het nummer.", en: "Several pupils match; type the number." },
} satisfies Record<string, LocalizedText>;

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

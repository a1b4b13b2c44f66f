// The renderers' own words (labels, instructions, notes), held the one way texts are held
// (bot/i18n/text.ts): keyed, Dutch and English side by side, plural forms for a count. The step's
// own texts come from the flow, already in the teacher's language.
import { translatorOver, type Catalogue, type Lang, type VarsArg } from "../../bot/text/text.js";

export const renderCatalogue = {
  "render.yes": { nl: "Ja", en: "Yes" },
  "render.no": { nl: "Nee", en: "No" },
  "render.choose": { nl: "Kies…", en: "Choose…" },
  "render.typed": { nl: "Je typte: {text}", en: "You typed: {text}" },
  "render.typedBelow": { nl: "Wat je typte staat hieronder, helemaal.", en: "What you typed is below, in full." },
  "render.required": { nl: "(verplicht)", en: "(required)" },
  "render.fillThisIn": { nl: "Vul dit in.", en: "Please fill this in." },
  "render.numberRange": { nl: "Vul een getal in van {min} tot en met {max}.", en: "Enter a number from {min} to {max}." },
  "render.omitted": {
    nl: "Niet alle informatie bij deze stap past hier; een deel is weggelaten.",
    en: "Not all information for this step fits here; part of it was left out.",
  },
  "render.openForm": { nl: "Invullen", en: "Fill in" },
  "render.inForm": { nl: "In het formulier", en: "In the form" },
  "render.tooManyFields": {
    nl: "Deze stap heeft te veel vragen voor een bericht: vul ze in het formulier in.",
    en: "This step has too many questions for a message: fill them in in the form.",
  },
  // Text mode: one question at a time, answered by typing.
  "render.step": { nl: "Stap {current}/{total}", en: "Step {current}/{total}" },
  "render.question": { nl: "Vraag {current}/{total}: {label}", en: "Question {current}/{total}: {label}" },
  "render.current": { nl: "Nu ingevuld: {value}", en: "Current answer: {value}" },
  "render.currentKeep": { nl: "Nu ingevuld: {value} (typ **ok** om dit te houden)", en: "Current answer: {value} (type **ok** to keep it)" },
  "render.text.yes": { nl: "ja", en: "yes" },
  "render.text.no": { nl: "nee", en: "no" },
  "render.typeText": { nl: "Typ je antwoord.", en: "Type your answer." },
  "render.typeLongText": { nl: "Typ je antwoord (meerdere zinnen mag).", en: "Type your answer (several sentences are fine)." },
  "render.maxLength": {
    nl: { one: "Hoogstens 1 teken.", other: "Hoogstens {count} tekens." },
    en: { one: "At most 1 character.", other: "At most {count} characters." },
  },
  "render.typeChoice": { nl: "Typ het nummer van je keuze.", en: "Type the number of your choice." },
  "render.typePupil": { nl: "Typ het nummer van de leerling.", en: "Type the number of the pupil." },
  "render.typeMulti": {
    nl: "Typ een of meer nummers, gescheiden door komma's (bijvoorbeeld 1,3).",
    en: "Type one or more numbers, separated by commas (for example 1,3).",
  },
  "render.typeYesNo": { nl: "Typ ja/nee.", en: "Type yes/no." },
  "render.typeDate": { nl: "Typ een datum als dd-mm-jjjj.", en: "Type a date as dd-mm-yyyy." },
  "render.typeTime": { nl: "Typ een tijd als uu:mm.", en: "Type a time as hh:mm." },
  "render.typeNumber": { nl: "Typ een getal.", en: "Type a number." },
  "render.typeNumberBetween": { nl: "Typ een getal van {min} tot en met {max}.", en: "Type a number from {min} to {max}." },
  "render.typeNumberAtLeast": { nl: "Typ een getal van minstens {min}.", en: "Type a number of at least {min}." },
  "render.typeNumberAtMost": { nl: "Typ een getal van hoogstens {max}.", en: "Type a number of at most {max}." },
  "render.leaveEmpty": { nl: 'Typ "-" om dit leeg te laten.', en: 'Type "-" to leave this empty.' },
  "render.empty": { nl: "(leeg)", en: "(empty)" },
  "render.filledSoFar": { nl: "Al ingevuld in deze stap:", en: "Already filled in on this step:" },
  "render.allAnswered": {
    nl: "Alle vragen van deze stap zijn beantwoord. Typ **ok** om verder te gaan, of **wijzig <nummer>** om een antwoord te veranderen.",
    en: "All questions of this step are answered. Type **ok** to continue, or **edit <number>** to change an answer.",
  },
  "render.compactHowTo": {
    nl: "Typ **nummer: antwoord** (bijvoorbeeld **3: tafels van 6**); een regel zonder nummer komt erbij in het vakje waar je het laatst in typte. Typ **klaar** als het klopt — dat mag ook als laatste regel.",
    en: "Type **number: answer** (for example **3: times table of 6**); a line without a number is added to the box you typed in last. Type **done** when it is right — also as the last line.",
  },
  "render.compactEditing": {
    nl: "✏️ Typ de nieuwe woorden voor dit vakje (zonder nummer mag), of **ok** om te houden wat er staat.",
    en: "✏️ Type the new words for this box (no number needed), or **ok** to keep what it says.",
  },
  "render.command.back": { nl: "terug", en: "back" },
  "render.command.skip": { nl: "overslaan", en: "skip" },
  "render.command.pause": { nl: "pauze", en: "pause" },
  "render.command.cancel": { nl: "stop", en: "stop" },
} as const satisfies Catalogue;

export type RenderTextKey = keyof typeof renderCatalogue;

const translate = translatorOver(renderCatalogue);

/** One of the renderers' own texts in the step's language. */
export function renderText<K extends RenderTextKey>(locale: Lang, key: K, ...vars: VarsArg<typeof renderCatalogue, K>): string {
  return translate(locale, key, ...vars);
}

// Preparing a conversation: the preparation dialog and what it answers.
import type { Catalogue } from "../../text/text.js";

export const prepare = {
  "prepare.format.title": { nl: "Welk gespreksformat?", en: "Which conversation format?" },
  "prepare.format.intro": { nl: "Het format van jullie doorgaande lijn staat bovenaan.", en: "Your school's format for this group is listed first." },
  "prepare.format.format.label": { nl: "Format", en: "Format" },
  "prepare.aim.title": { nl: "Waarom dit gesprek?", en: "Why this conversation?" },
  "prepare.aim.tip": {
    nl: "Houd de voorbereiding licht: de leerling is de expert over zichzelf. Te veel invullen vooraf kleurt je blik.",
    en: "Keep preparation light: the pupil is the expert on themselves. Filling in too much beforehand colours your view.",
  },
  "prepare.aim.reason.label": { nl: "Aanleiding", en: "Reason" },
  "prepare.aim.aim.label": { nl: "Wat wil je met dit gesprek bereiken?", en: "What do you want this conversation to achieve?" },
  "prepare.aim.theme.short": { nl: "Thema", en: "Theme" },
  "prepare.aim.theme.label": {
    nl: "Thema (bijv. rekenen, samenwerken, welbevinden) — dit komt op de uitnodiging voor de leerling",
    en: "Theme (e.g. maths, working together, wellbeing) — this goes on the pupil's invitation",
  },
  "prepare.when.title": { nl: "Wanneer en waar?", en: "When and where?" },
  "prepare.when.intro": {
    nl: "Bijvoorbeeld tijdens zelfstandig werken, of als er een extra volwassene in de klas is.",
    en: "For example during independent work, or when an extra adult is in the room.",
  },
  "prepare.when.place.label": { nl: "Plek", en: "Place" },
  "prepare.when.place.placeholder": { nl: "bijv. de leeshoek", en: "e.g. the reading corner" },
  "prepare.when.duration.label": { nl: "Hoe lang (minuten)?", en: "How long (minutes)?" },
  "prepare.ready.title": { nl: "Is de leerling voorbereid?", en: "Is the pupil prepared?" },
  "prepare.ready.tip": {
    nl: "Een kind dat weet waarom, waar, wanneer en hoe lang, praat vrijer.",
    en: "A child who knows why, where, when and how long talks more freely.",
  },
  "prepare.ready.knows.label": { nl: "Weet de leerling waarom, waar, wanneer en hoe lang?", en: "Does the pupil know why, where, when and how long?" },
  "prepare.ready.prepared.label": { nl: "Heeft de leerling zich voorbereid?", en: "Has the pupil prepared?" },
  "prepare.ready.prepared.form.label": { nl: "Ja, met het voorbereidingsformulier", en: "Yes, with the preparation form" },
  "prepare.ready.prepared.self.label": { nl: "Ja, op een eigen manier", en: "Yes, in their own way" },
  "prepare.ready.prepared.not_yet.label": { nl: "Nog niet", en: "Not yet" },
  "prepare.ready.prepared.not_needed.label": { nl: "Niet nodig", en: "Not needed" },
  "prepare.ready.invitation.label": {
    nl: "Een uitnodiging voor de leerling maken (om te printen of door te sturen)?",
    en: "Make an invitation for the pupil (to print or forward)?",
  },
  "prepare.previous.title": { nl: "Wat komt terug van vorige keer?", en: "What comes back from last time?" },
  "prepare.previous.none": { nl: "Nog geen eerdere doelen of afspraken.", en: "No earlier goals or agreements yet." },
  "prepare.previous.followUp.label": { nl: "Waar wil je op terugkomen?", en: "What do you want to come back to?" },
  "prepare.questions.title": { nl: "Welke vragen wil je stellen?", en: "Which questions do you want to ask?" },
  "prepare.questions.intro": { nl: "Eén vraag per regel. De vraagcoach kijkt mee.", en: "One question per line. The question coach will take a look." },
  "prepare.questions.tip.open": {
    nl: "Open vragen beginnen vaak met wat, hoe, wanneer, wie of welke.",
    en: "Open questions often start with what, how, when, who or which.",
  },
  "prepare.questions.tip.oneAtATime": {
    nl: "Eén vraag tegelijk; vraag door op een woord van de leerling.",
    en: "One question at a time; follow up on a word the pupil uses.",
  },
  "prepare.questions.questions.label": { nl: "Je vragen", en: "Your questions" },
  "prepare.coach.title": { nl: "De vraagcoach", en: "The question coach" },
  "prepare.coach.feedback": { nl: "“{question}” — {flags}. Probeer: “{suggestion}”", en: "“{question}” — {flags}. Try: “{suggestion}”" },
  "prepare.coach.current": { nl: "Je vragen nu:\n{questions}", en: "Your questions now:\n{questions}" },
  "prepare.coach.allOpen": { nl: "Mooi: al je vragen zijn open en enkelvoudig.", en: "Nice: all your questions are open and single." },
  "prepare.coach.revised.label": {
    nl: "Nog een vraag? Typ hem hier: hij komt erbij. Een voorstel van de coach vervangt de vraag waar het bij hoort; een hele lijst (één vraag per regel) vervangt al je vragen.",
    en: "Another question? Type it here: it is added. A proposal of the coach replaces the question it belongs to; a whole list (one question per line) replaces all your questions.",
  },
  "prepare.saved.questions": { nl: "Je vragen:\n{questions}", en: "Your questions:\n{questions}" },
  "prepare.saved": {
    nl: "Voorbereiding opgeslagen: gesprek met **{name}** op {date} om {time}.",
    en: "Preparation saved: conversation with **{name}** on {date} at {time}.",
  },
  "prepare.saved.next": { nl: "Typ **gesprek {name}** als jullie gaan zitten.", en: "Type **conversation {name}** when you sit down together." },
  "prepare.invitationBelow": {
    nl: "De uitnodiging voor de leerling staat hieronder; je kunt hem printen of de tekst doorsturen:",
    en: "The invitation for the pupil is below; print it or forward the text:",
  },
} as const satisfies Catalogue;

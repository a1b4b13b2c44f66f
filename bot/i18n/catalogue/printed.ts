// Printed pages (the pupil invitation, the kindplan), the celebration texts and the ownership skills.
import type { Catalogue } from "../../text/text.js";

export const printed = {
  "invitation.hello": { nl: "Hoi {name}!", en: "Hi {name}!" },
  "invitation.about": { nl: "Ik wil graag even met jou praten. Het gaat hierover:", en: "I would like to talk with you. It is about:" },
  "invitation.when": { nl: "Wanneer: {date} om {time}", en: "When: {date} at {time}" },
  "invitation.where": { nl: "Waar: {place}", en: "Where: {place}" },
  "invitation.long": { nl: "Het duurt ongeveer {minutes} minuten.", en: "It takes about {minutes} minutes." },
  "invitation.noWrong": {
    nl: "Er zijn geen foute antwoorden. Jij weet het best hoe het met jou gaat.",
    en: "There are no wrong answers. You know best how things are going for you.",
  },
  "invitation.think": {
    nl: "Denk alvast na over deze vragen. Dat mag alleen, of samen met je ouders of een klasgenoot. Je mag je antwoorden opschrijven of tekenen.",
    en: "Think about these questions beforehand. You can do that alone, or with your parents or a classmate. You may write or draw your answers.",
  },
  "invitation.bring": { nl: "Neem dit blad mee naar ons gesprek.", en: "Bring this sheet to our conversation." },
  "kindplan.title": { nl: "Kindplan — {name}", en: "Pupil plan — {name}" },
  "kindplan.generated": { nl: "Gemaakt op {date}", en: "Made on {date}" },
  "kindplan.goals": { nl: "Mijn doelen", en: "My goals" },
  "kindplan.now": { nl: "Nu kan ik", en: "Now I can" },
  "kindplan.later": { nl: "Straks wil ik", en: "Later I want to" },
  "kindplan.plan": { nl: "Daarvoor ga ik", en: "To get there I will" },
  "kindplan.teacher": { nl: "Mijn juf/meester helpt me door", en: "My teacher helps me by" },
  "kindplan.parents": { nl: "Mijn ouders helpen me door", en: "My parents help me by" },
  "kindplan.other": { nl: "Ook helpt", en: "Also helping" },
  "kindplan.know": { nl: "Zo weten we dat het gelukt is", en: "How we will know it worked" },
  "kindplan.evaluation": { nl: "We kijken ernaar op", en: "We will look at it on" },
  "kindplan.agreements": { nl: "Afspraken", en: "Agreements" },
  "kindplan.conversations": { nl: "Uit onze gesprekken", en: "From our conversations" },
  "kindplan.notes": { nl: "Notities", en: "Notes" },
  "kindplan.empty": { nl: "Er is (nog) niets dat gedeeld mag worden.", en: "There is nothing (yet) that may be shared." },
  "kindplan.outcome.reached": { nl: "gelukt! 🎉", en: "reached! 🎉" },
  "kindplan.outcome.partly": { nl: "deels gelukt", en: "partly reached" },
  "kindplan.outcome.not_reached": { nl: "nog niet gelukt", en: "not reached yet" },
  "kindplan.outcome.later": { nl: "later bekijken", en: "to look at later" },
  "kindplan.previousReview": { nl: "Terugblik op vorige doelen", en: "Looking back on earlier goals" },
  "kindplan.noteGoal": { nl: "doel: {goal}", en: "goal: {goal}" },
  "celebration.1": {
    nl: "{name}, het is gelukt! Je hebt hard aan je doel gewerkt en nu kun je het. Wat knap van jou!",
    en: "{name}, you did it! You worked hard on your goal and now you can do it. Well done!",
  },
  "celebration.2": {
    nl: "Gefeliciteerd, {name}! Je doel is bereikt. Weet je nog hoe je het aanpakte? Dat kun je vaker doen.",
    en: "Congratulations, {name}! You reached your goal. Remember how you went about it? You can do that again.",
  },
  "celebration.3": {
    nl: "{name}, je hebt je doel gehaald! Je liet zien dat oefenen helpt. Ik ben trots op je, en jij mag dat ook zijn.",
    en: "{name}, you reached your goal! You showed that practising works. I'm proud of you, and you can be proud too.",
  },
  "celebration.4": {
    nl: "Doel bereikt, {name}! Vertel eens: waar ben je zelf het meest trots op?",
    en: "Goal reached, {name}! Tell me: what are you most proud of?",
  },
  "celebration.5": {
    nl: "Kijk eens wat jij voor elkaar hebt gekregen, {name}: je doel is gelukt, en dat heb je zelf gedaan!",
    en: "Look what you managed, {name}: your goal worked out, and you did it yourself!",
  },
} as const satisfies Catalogue;

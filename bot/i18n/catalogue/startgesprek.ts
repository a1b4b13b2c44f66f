// The startgesprek (driehoeksgesprek): the conversation with the parents at the table, its plan
// suggestions, the parents' summary printout and the planning of a round held with parents.
import type { Catalogue } from "../../text/text.js";

export const startgesprek = {
  "help.startgesprek": {
    nl: "**startgesprek <naam>** — een driehoeksgesprek met het kind en de ouders, met een samenvatting voor de ouders",
    en: "**start-of-year conversation <name>** — a three-way conversation with the child and the parents, with a summary for the parents",
  },
  "startgesprek.parentQuestion": { nl: "Vraag de ouders bijvoorbeeld: “{question}”", en: "You could ask the parents: “{question}”" },
  "startgesprek.agreement.intro": {
    nl: "Maak afspraken waarin ieder een eigen rol heeft: wat doet het kind, wat doen de ouders thuis, wat doet de leerkracht op school? Afspraak 1 is van het kind, 2 van de ouders en 3 van de leerkracht; pas aan wat niet klopt.",
    en: "Make agreements in which everyone has their own part: what does the child do, what do the parents do at home, what does the teacher do at school? Agreement 1 is the child's, 2 the parents' and 3 the teacher's; change what does not fit.",
  },
  "startgesprek.agreement.who.placeholder": { nl: "bijv. het kind, de ouders of de leerkracht", en: "e.g. the child, the parents or the teacher" },
  "startgesprek.owner.parents": { nl: "Ouders van {name}", en: "{name}'s parents" },
  "startgesprek.owner.teacher": { nl: "Leerkracht", en: "Teacher" },
  "startgesprek.confirm.intro": {
    nl: "Vat samen met het kind en de ouders en check: klopt dit, en weet ieder wat hij of zij gaat doen? Vraag ook hoe ze het gesprek vonden.",
    en: "Summarise with the child and the parents and check: is this right, and does everyone know what they will do? Also ask how they found the conversation.",
  },
  "startgesprek.summaryReady": {
    nl: "De samenvatting voor de ouders staat hieronder (HTML en PDF). Later opnieuw: typ **export {name}**.",
    en: "The summary for the parents is below (HTML and PDF). To get it again later: type **export {name}**.",
  },
  "startgesprek.exportIncluded": {
    nl: "Ook de samenvatting van het laatste startgesprek voor de ouders zit erbij.",
    en: "The parents' summary of the latest start-of-year conversation is included too.",
  },
  "startgesprek.plan.modeInfo": {
    nl: "Deze ronde voer je met de ouders erbij. Spreek per gezin een tijd af en noteer die hier per leerling: de herinneringen en **rondes** tonen dan die tijd.",
    en: "This round is held with the parents. Agree a time with each family and note it here per pupil: the reminders and **rounds** then show that time.",
  },
  "startgesprek.plan.intro": {
    nl: "Noteer de tijd die je met de ouders hebt afgesproken, op een schooldag tussen {from} en {to}.",
    en: "Note the time you agreed with the parents, on a school day between {from} and {to}.",
  },
  "startgesprek.plan.time.label": { nl: "Tijd (afgesproken met de ouders)", en: "Time (agreed with the parents)" },
  "startgesprek.plan.place.label": { nl: "Waar", en: "Where" },
  "startgesprek.plan.place.placeholder": { nl: "bijv. lokaal 5", en: "e.g. room 5" },
  "startgesprek.withParents": { nl: "{when}, met de ouders", en: "{when}, with the parents" },
  "startgesprek.rounds.agreed": {
    nl: { one: "Afgesproken met de ouders (1 leerling):", other: "Afgesproken met de ouders ({count} leerlingen):" },
    en: { one: "Agreed with the parents (1 pupil):", other: "Agreed with the parents ({count} pupils):" },
  },
  "startgesprek.rounds.line": { nl: "• {name} — {when}{place}", en: "• {name} — {when}{place}" },
  "parentSummary.title": { nl: "Startgesprek met {name}", en: "Start-of-year conversation with {name}" },
  "parentSummary.heldOn": { nl: "gesprek van {date}", en: "conversation of {date}" },
  "parentSummary.intro": {
    nl: "Beste ouders van {name}, fijn dat we samen met {name} hebben gepraat. Hieronder staat wat we bespraken en wat we met elkaar hebben afgesproken.",
    en: "Dear parents of {name}, thank you for talking together with {name}. Below is what we discussed and what we agreed with each other.",
  },
  "parentSummary.section.welkom": { nl: "Waarom we praatten", en: "Why we talked" },
  "parentSummary.section.kind": { nl: "Wat {name} zelf vertelde", en: "What {name} told us" },
  "parentSummary.section.thuis": { nl: "Thuis", en: "At home" },
  "parentSummary.section.school": { nl: "Op school", en: "At school" },
  "parentSummary.section.ditJaar": { nl: "Wat {name} dit jaar wil leren", en: "What {name} wants to learn this year" },
  "parentSummary.field.aim": { nl: "Wat we wilden bespreken", en: "What we wanted to discuss" },
  "parentSummary.field.goesWell": { nl: "Wat goed gaat", en: "What goes well" },
  "parentSummary.field.hard": { nl: "Wat lastig is", en: "What is hard" },
  "parentSummary.field.proudOf": { nl: "Trots op en blij mee", en: "Proud of and happy about" },
  "parentSummary.field.whatHelps": { nl: "Wat helpt", en: "What helps" },
  "parentSummary.field.wantToLearn": { nl: "In eigen woorden: dit jaar wil ik leren", en: "In their own words: this year I want to learn" },
  "parentSummary.goals": { nl: "Het doel van {name}", en: "{name}'s goal" },
  "parentSummary.ownPlan": { nl: "Zo gaat {name} het aanpakken", en: "How {name} will go about it" },
  "parentSummary.nowText": { nl: "Waar {name} nu staat", en: "Where {name} is now" },
  "parentSummary.helpParents": { nl: "De ouders helpen door", en: "The parents help by" },
  "parentSummary.helpTeacher": { nl: "De leerkracht helpt door", en: "The teacher helps by" },
  "parentSummary.helpOther": { nl: "Ook helpt", en: "Also helps" },
  "parentSummary.successCriteria": { nl: "Zo zien we dat het gelukt is", en: "How we will see it worked" },
  "parentSummary.evaluation": { nl: "We kijken samen terug op", en: "We look back together on" },
  "parentSummary.agreements": { nl: "Wie doet wat, en wanneer", en: "Who does what, and when" },
  "parentSummary.closing": {
    nl: "Ziet u thuis iets veranderen of heeft u een vraag? Laat het ons gerust weten; we houden elkaar op de hoogte.",
    en: "Do you notice a change at home or do you have a question? Please let us know; we will keep each other informed.",
  },
} satisfies Catalogue;

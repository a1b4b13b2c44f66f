// A person at several schools of one board: choosing and switching the school she acts for, and
// the school-wide and board-wide progress views.
import type { Catalogue } from "../../text/text.js";

export const schools = {
  "school.choose": {
    nl: "Je werkt bij meer dan één school. Voor welke school wil je nu werken? Typ **school <naam>** of kies hieronder. Je kunt later wisselen.",
    en: "You work at more than one school. Which school do you want to work for now? Type **school <name>** or choose below. You can switch later.",
  },
  "school.list": {
    nl: "Je scholen (de school waarvoor je nu werkt staat voorop met ▸):\n{schools}\nWisselen: typ **school <naam>**.",
    en: "Your schools (the one you work for now is marked ▸):\n{schools}\nTo switch, type **school <name>**.",
  },
  "school.onlyOne": {
    nl: "Je werkt voor **{school}**; je staat niet bij een andere school.",
    en: "You work for **{school}**; you are not on another school's staff.",
  },
  "school.switched": {
    nl: "Je werkt nu voor **{school}**. Je ziet alleen de groepen en leerlingen van deze school.",
    en: "You now work for **{school}**. You see only this school's groups and pupils.",
  },
  "school.already": { nl: "Je werkt al voor **{school}**.", en: "You already work for **{school}**." },
  "school.noMatch": {
    nl: "Je staat niet bij een school '{query}'. Je scholen: {schools}.",
    en: "You are not on the staff of a school '{query}'. Your schools: {schools}.",
  },
  "school.button": { nl: "{school}", en: "{school}" },
  "school.dialogElsewhere": {
    nl: "Dit gesprek hoort bij **{school}**; je werkt nu voor een andere school. Er is niets veranderd en er is niets verloren. Wissel met **school {school}** en ga dan verder.",
    en: "This dialog belongs to **{school}**; you now work for another school. Nothing was changed or lost. Switch with **school {school}** and then continue.",
  },
  "school.recordElsewhere": {
    nl: "Dit gaat over **{school}**; je werkt nu voor een andere school, dus hier kan ik het niet openen. Wissel met **school {school}** en probeer het opnieuw.",
    en: "This is about **{school}**; you now work for another school, so I cannot open it here. Switch with **school {school}** and try again.",
  },
  "school.openElsewhere": {
    nl: {
      one: "Je hebt 1 open gesprek bij **{school}**. Wissel met **school {school}** om verder te gaan.",
      other: "Je hebt {count} open gesprekken bij **{school}**. Wissel met **school {school}** om verder te gaan.",
    },
    en: {
      one: "You have 1 open dialog at **{school}**. Switch with **school {school}** to continue.",
      other: "You have {count} open dialogs at **{school}**. Switch with **school {school}** to continue.",
    },
  },
  "school.homeChoose": {
    nl: "Je werkt bij meer dan één school. Kies eerst in het gesprek met mij voor welke school je werkt: typ **school**.",
    en: "You work at more than one school. First choose in the chat with me which school you work for: type **school**.",
  },
  "school.proactiveHeader": { nl: "**{school}**", en: "**{school}**" },
  "help.school": {
    nl: "**school** / **school <naam>** — je scholen, of wisselen van school",
    en: "**school** / **school <name>** — your schools, or switch school",
  },
  "progress.schoolHeader": { nl: "Voortgang van **{school}** (aantallen, geen namen):", en: "Progress of **{school}** (counts, no names):" },
  "progress.total": { nl: "Hele school", en: "Whole school" },
  "progress.boardHeader": {
    nl: { one: "Voortgang van **{board}**, 1 school (aantallen, geen namen):", other: "Voortgang van **{board}**, {count} scholen (aantallen, geen namen):" },
    en: { one: "Progress of **{board}**, 1 school (counts, no names):", other: "Progress of **{board}**, {count} schools (counts, no names):" },
  },
  "progress.schoolRefused": {
    nl: "De voortgang van de hele school is voor de directeur en de beheerder van de school. Een teamleider ziet zijn bouw met **voortgang**.",
    en: "The whole school's progress is for the school's director and administrator. A team leader sees their bouw with **progress**.",
  },
  "progress.boardRefused": {
    nl: "De voortgang van alle scholen van het bestuur is alleen voor bestuursbeheerders.",
    en: "The progress of all the board's schools is for board administrators only.",
  },
  "progress.scopes": {
    nl: "Typ **voortgang** (je bouw of school), **voortgang school** of **voortgang bestuur**.",
    en: "Type **progress** (your bouw or school), **progress school** or **progress board**.",
  },
} satisfies Catalogue;

// Onderwijsbehoeften for the groepsplan: the statements built from what helps a pupil, the
// command that exports a group's list, and the CSV and printable page it sends.
import type { Catalogue } from "../../text/text.js";

export const needs = {
  "needs.statement.need": { nl: "{name} heeft {need} nodig{purpose}.", en: "{name} needs {need}{purpose}." },
  "needs.statement.fromTeacher": { nl: "{name} heeft {need} van de leerkracht nodig{purpose}.", en: "{name} needs {need} from the teacher{purpose}." },
  "needs.statement.teacherBy": { nl: "{name} heeft nodig dat de leerkracht helpt door {how}.", en: "{name} needs the teacher to help by {how}." },
  "needs.statement.when": { nl: "Het helpt {name} {condition}.", en: "It helps {name} {condition}." },
  "needs.statement.that": { nl: "{name} heeft nodig {clause}.", en: "{name} needs {clause}." },
  "needs.statement.says": { nl: "{name} {need}.", en: "{name} {need}." },
  "needs.statement.asTyped": { nl: "{name}: {answer}", en: "{name}: {answer}" },
  "needs.title": { nl: "Onderwijsbehoeften {group}", en: "Educational needs {group}" },
  "needs.generated": { nl: "gemaakt op {date}, uit de gesprekken sinds {since}", en: "made on {date}, from the conversations since {since}" },
  "needs.intro": {
    nl: "Wat elke leerling nodig heeft om te leren, zoals het in het laatste gesprek van elk soort is gezegd: voor het groepsplan.",
    en: "What each pupil needs to learn, as said in the latest conversation of each kind: for the groepsplan (group plan).",
  },
  "needs.empty": {
    nl: "Er zijn dit schooljaar nog geen onderwijsbehoeften vastgelegd in de gesprekken van deze groep.",
    en: "No educational needs have been recorded in this group's conversations this school year yet.",
  },
  "needs.from": { nl: "{format}, {date}", en: "{format}, {date}" },
  "needs.without": {
    nl: { one: "1 leerling nog zonder onderwijsbehoefte", other: "{count} leerlingen nog zonder onderwijsbehoefte" },
    en: { one: "1 pupil without an educational need yet", other: "{count} pupils without an educational need yet" },
  },
  "needs.column.pupil": { nl: "Leerling", en: "Pupil" },
  "needs.column.statement": { nl: "Onderwijsbehoefte", en: "Educational need" },
  "needs.column.conversation": { nl: "Uit gesprek", en: "From conversation" },
  "needs.column.date": { nl: "Datum", en: "Date" },
  "needs.filename": { nl: "onderwijsbehoeften", en: "educational-needs" },
  "needs.ready": {
    nl: {
      one: "De onderwijsbehoeften van **{group}** staan klaar voor het groepsplan: 1 uitspraak, als tabel (CSV) en om te printen.",
      other: "De onderwijsbehoeften van **{group}** staan klaar voor het groepsplan: {count} uitspraken, als tabel (CSV) en om te printen.",
    },
    en: {
      one: "The educational needs of **{group}** are ready for the groepsplan: 1 statement, as a table (CSV) and to print.",
      other: "The educational needs of **{group}** are ready for the groepsplan: {count} statements, as a table (CSV) and to print.",
    },
  },
  "needs.noGroup": {
    nl: "Welke groep? Typ bijvoorbeeld **onderwijsbehoeften groep 5**.",
    en: "Which group? Type for example **educational needs group 5**.",
  },
  "needs.unknownGroup": { nl: "Ik vind geen groep die zo heet.", en: "I can't find a group with that name." },
  "needs.chooseGroup": { nl: "Van welke groep?", en: "For which group?" },
} as const satisfies Catalogue;

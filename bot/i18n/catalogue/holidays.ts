// School holidays in the chat: the admin's `vakanties` overview and confirming a region's proposal.
import type { Catalogue } from "../../text/text.js";

export const holidays = {
  "help.holidays": {
    nl: "**vakanties** — de vakanties van dit en volgend schooljaar; **vakanties bevestigen {year}** neemt het voorstel van de regio over",
    en: "**holidays** — this and next school year's holidays; **holidays confirm {year}** accepts the region's proposal",
  },
  "holidays.notAllowed": {
    nl: "Alleen de beheerder van de school kan de vakanties bekijken en bevestigen.",
    en: "Only the school's admin can view and confirm the holidays.",
  },
  "holidays.usage": {
    nl: "Typ **vakanties** voor het overzicht, of **vakanties bevestigen {year}** om het voorstel van dat schooljaar over te nemen.",
    en: "Type **holidays** for the overview, or **holidays confirm {year}** to accept that school year's proposal.",
  },
  "holidays.yearConfirmed": {
    nl: "**Schooljaar {year}** — vakanties van regio {region} bevestigd op {date}:",
    en: "**School year {year}** — region {region} holidays confirmed on {date}:",
  },
  "holidays.yearOwn": {
    nl: "**Schooljaar {year}** — nog niet bevestigd; de eigen vrije dagen van de school gelden:",
    en: "**School year {year}** — not confirmed yet; the school's own days off apply:",
  },
  "holidays.none": { nl: "- (geen)", en: "- (none)" },
  "holidays.line": { nl: "- {name}: {from} t/m {to}", en: "- {name}: {from} to {to}" },
  "holidays.oneDay": { nl: "- {name}: {date}", en: "- {name}: {date}" },
  "holidays.proposalHeader": {
    nl: "Voorstel (regio {region}, bron Rijksoverheid):",
    en: "Proposal (region {region}, source Rijksoverheid):",
  },
  "holidays.publicHolidays": {
    nl: "Feestdagen op schooldagen (altijd vrij, tenzij de school ze als schooldag markeert): {days}",
    en: "Public holidays on school days (always off unless the school marks them as school days): {days}",
  },
  "holidays.proposalHint": {
    nl: "Klopt dit? Typ **vakanties bevestigen {year}**. Wijkt de school af (vakantie verschoven, feestdag als schooldag), laat dan de beheerder **npm run cli -- closures propose --out** gebruiken, het bestand aanpassen en bevestigen.",
    en: "Is this right? Type **holidays confirm {year}**. If the school differs (a holiday moved, a public holiday as a school day), have the operator use **npm run cli -- closures propose --out**, edit the file and confirm it.",
  },
  "holidays.noRegion": {
    nl: "Er is nog geen vakantieregio ingesteld: zet **holidayRegion** (noord, midden of zuid) in het instellingenbestand van de school.",
    en: "No holiday region is set yet: put **holidayRegion** (noord, midden or zuid) in the school's setup file.",
  },
  "holidays.noData": {
    nl: "Voor schooljaar {year} zijn de landelijke vakanties nog niet opgenomen; de eigen vrije dagen van de school gelden.",
    en: "The national holidays of school year {year} are not included yet; the school's own days off apply.",
  },
  "holidays.confirmed": {
    nl: {
      one: "Bevestigd: 1 vakantie van regio {region} voor schooljaar {year}. Op die dagen gaan er geen herinneringen uit.",
      other: "Bevestigd: {count} vakanties van regio {region} voor schooljaar {year}. Op die dagen gaan er geen herinneringen uit.",
    },
    en: {
      one: "Confirmed: 1 region {region} holiday for school year {year}. No reminders go out on those days.",
      other: "Confirmed: {count} region {region} holidays for school year {year}. No reminders go out on those days.",
    },
  },
  "holidays.alreadyConfirmed": {
    nl: "Schooljaar {year} was al zo bevestigd; er is niets veranderd.",
    en: "School year {year} was already confirmed like this; nothing changed.",
  },
} as const satisfies Catalogue;

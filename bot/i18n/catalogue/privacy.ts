// Privacy: the access export, the audit trail, erasure and the retention notices (issue 13).
import type { Catalogue } from "../../text/text.js";

export const privacy = {
  "privacy.notAllowed": {
    nl: "Alleen de beheerder of de privacyfunctionaris van de school kan dit doen.",
    en: "Only the school's admin or privacy officer can do this.",
  },
  "privacy.askPupil": {
    nl: "Welke leerling bedoel je? Geef het leerlingnummer uit de administratie, bijvoorbeeld **{command} 1042**.",
    en: "Which pupil? Give the pupil id from the school administration, for example **{command} 1042**.",
  },
  "privacy.noPupil": { nl: "Ik vond geen leerling met leerlingnummer '{id}' op je school.", en: "I found no pupil with id '{id}' at your school." },
  "privacy.exportReady": {
    nl: {
      one: "Alle gegevens over leerling {id} (1 record): een leesbare pagina (HTML en PDF) en een JSON-bestand voor het inzageverzoek. De links zijn een uur geldig.",
      other:
        "Alle gegevens over leerling {id} ({count} records): een leesbare pagina (HTML en PDF) en een JSON-bestand voor het inzageverzoek. De links zijn een uur geldig.",
    },
    en: {
      one: "Everything stored about pupil {id} (1 record): a readable page (HTML and PDF) and a JSON file for the access request. The links are valid for one hour.",
      other:
        "Everything stored about pupil {id} ({count} records): a readable page (HTML and PDF) and a JSON file for the access request. The links are valid for one hour.",
    },
  },
  "privacy.auditHeader": {
    nl: {
      one: "Wie las of wijzigde de gegevens van leerling {id} (1 regel, nieuwste eerst):",
      other: "Wie las of wijzigde de gegevens van leerling {id} ({count} regels, nieuwste eerst):",
    },
    en: {
      one: "Who read or changed the records of pupil {id} (1 entry, newest first):",
      other: "Who read or changed the records of pupil {id} ({count} entries, newest first):",
    },
  },
  "privacy.auditLine": { nl: "- {at} — {who}: {action} {entity}", en: "- {at} — {who}: {action} {entity}" },
  "privacy.auditEmpty": { nl: "Er is nog niets vastgelegd over leerling {id}.", en: "Nothing has been recorded about pupil {id} yet." },
  "privacy.auditMore": {
    nl: {
      one: "… en 1 oudere regel. Het volledige overzicht staat in de export (**leerling-export {id}**).",
      other: "… en {count} oudere regels. Het volledige overzicht staat in de export (**leerling-export {id}**).",
    },
    en: {
      one: "… and 1 older entry. The full list is in the export (**pupil-export {id}**).",
      other: "… and {count} older entries. The full list is in the export (**pupil-export {id}**).",
    },
  },
  "privacy.eraseViaCli": {
    nl: 'Wissen gebeurt op de server, met bewijs: **npm run cli -- pupil-erase --school "<school>" --pupil {id}** (eerst zonder --yes om te zien wat er verdwijnt).',
    en: 'Erasure runs on the server, with a receipt: **npm run cli -- pupil-erase --school "<school>" --pupil {id}** (first without --yes to see what would go).',
  },
  "retention.notice": {
    nl: {
      one: "Over ongeveer een maand wist Gesprekswijzer de gegevens van 1 leerling die de school heeft verlaten (bewaartermijn {months} maanden):",
      other: "Over ongeveer een maand wist Gesprekswijzer de gegevens van {count} leerlingen die de school hebben verlaten (bewaartermijn {months} maanden):",
    },
    en: {
      one: "In about a month Gesprekswijzer erases the records of 1 pupil who left the school (retention period {months} months):",
      other: "In about a month Gesprekswijzer erases the records of {count} pupils who left the school (retention period {months} months):",
    },
  },
  "retention.noticeLine": { nl: "- **{name}** (leerlingnummer {id}) — gewist op {date}", en: "- **{name}** (pupil id {id}) — erased on {date}" },
  "retention.noticeAdvice": {
    nl: "Wil je iets bewaren voor het leerlingdossier? Maak dan vóór die datum een export met **leerling-export <leerlingnummer>**.",
    en: "Want to keep something for the pupil's file? Make an export before that date with **pupil-export <pupil id>**.",
  },
  "retention.report": {
    nl: {
      one: "Gesprekswijzer heeft volgens de bewaartermijn de gegevens van 1 leerling gewist. Bewijs van wissen: {receipts}.",
      other: "Gesprekswijzer heeft volgens de bewaartermijn de gegevens van {count} leerlingen gewist. Bewijs van wissen: {receipts}.",
    },
    en: {
      one: "Gesprekswijzer erased the records of 1 pupil under the retention period. Erasure receipt: {receipts}.",
      other: "Gesprekswijzer erased the records of {count} pupils under the retention period. Erasure receipts: {receipts}.",
    },
  },
} as const satisfies Catalogue;

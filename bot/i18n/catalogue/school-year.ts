// The school year: the rollover's handover to the new teachers and the archive of last year's groups.
import type { Catalogue } from "../../text/text.js";

export const schoolYear = {
  "help.schoolYear": {
    nl: "**overdracht** — wat er van vorig schooljaar openstaat voor je nieuwe groep; **archief** — je groepen van eerdere schooljaren (alleen lezen)",
    en: "**handover** — what is open from last school year for your new group; **archive** — your groups of earlier school years (read only)",
  },
  "handover.notice": {
    nl: {
      one: "Nieuw schooljaar {year}: je hebt nu **{group}**. 1 leerling heeft nog een open doel van vorig schooljaar. Typ **overdracht** voor de overdracht per leerling.",
      other:
        "Nieuw schooljaar {year}: je hebt nu **{group}**. {count} leerlingen hebben nog open doelen van vorig schooljaar. Typ **overdracht** voor de overdracht per leerling.",
    },
    en: {
      one: "New school year {year}: you now have **{group}**. 1 pupil still has an open goal from last school year. Type **handover** for the handover per pupil.",
      other:
        "New school year {year}: you now have **{group}**. {count} pupils still have open goals from last school year. Type **handover** for the handover per pupil.",
    },
  },
  "handover.noticeNothingOpen": {
    nl: "Nieuw schooljaar {year}: je hebt nu **{group}**. Van vorig schooljaar staat voor deze leerlingen niets open.",
    en: "New school year {year}: you now have **{group}**. Nothing is open from last school year for these pupils.",
  },
  "handover.none": {
    nl: "Er is geen overdracht voor je groep: er kwamen dit schooljaar geen leerlingen uit een groep van vorig jaar.",
    en: "There is no handover for your group: no pupils came from a group of last school year.",
  },
  "handover.header": {
    nl: {
      one: "**Overdracht {group} ({year})**: 1 leerling met een open doel",
      other: "**Overdracht {group} ({year})**: {count} leerlingen met open doelen",
    },
    en: {
      one: "**Handover {group} ({year})**: 1 pupil with an open goal",
      other: "**Handover {group} ({year})**: {count} pupils with open goals",
    },
  },
  "handover.nothingOpen": {
    nl: "**Overdracht {group} ({year})**: van vorig schooljaar staat niets open.",
    en: "**Handover {group} ({year})**: nothing is open from last school year.",
  },
  "handover.pupil": { nl: "**{name}**", en: "**{name}**" },
  "handover.goal": { nl: "• Doel: {text} (evalueren op {date}){shared}", en: "• Goal: {text} (evaluate on {date}){shared}" },
  "handover.goalNoDate": { nl: "• Doel: {text}{shared}", en: "• Goal: {text}{shared}" },
  "handover.agreement": { nl: "  – Afspraak: {text}{shared}", en: "  – Agreement: {text}{shared}" },
  "handover.shared": { nl: " — mag gedeeld worden met ouders", en: " — may be shared with parents" },
  "handover.private": { nl: " — niet delen met ouders", en: " — not to be shared with parents" },
  "handover.evaluations": {
    nl: "De evaluaties van deze doelen komen nu bij jou (en je duo-partner).",
    en: "The evaluations of these goals now come to you (and your duo partner).",
  },
  "archive.none": {
    nl: "Je hebt geen groepen van eerdere schooljaren in het archief.",
    en: "You have no groups of earlier school years in the archive.",
  },
  "archive.list": {
    nl: "**Archief** (alleen lezen). Typ **archief <groep>** om een groep te lezen:",
    en: "**Archive** (read only). Type **archive <group>** to read a group:",
  },
  "archive.listLine": { nl: "• {group} ({year})", en: "• {group} ({year})" },
  "archive.unknown": {
    nl: 'Geen groep "{name}" in je archief. Typ **archief** voor je groepen van eerdere schooljaren.',
    en: 'No group "{name}" in your archive. Type **archive** for your groups of earlier school years.',
  },
  "archive.header": {
    nl: {
      one: "**{group} ({year})**, archief: 1 leerling met een gesprek in deze groep",
      other: "**{group} ({year})**, archief: {count} leerlingen met een gesprek in deze groep",
    },
    en: {
      one: "**{group} ({year})**, archive: 1 pupil with a conversation in this group",
      other: "**{group} ({year})**, archive: {count} pupils with a conversation in this group",
    },
  },
  "archive.pupil": { nl: "**{name}**", en: "**{name}**" },
  "archive.conversation": { nl: "• Gesprek {date}: {status}", en: "• Conversation {date}: {status}" },
  "archive.goal": { nl: "• Doel: {text} ({status})", en: "• Goal: {text} ({status})" },
} as const satisfies Catalogue;

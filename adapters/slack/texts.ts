// The Slack adapter's own few texts (everything else comes from the core, already localized),
// held the one way texts are held (bot/i18n/text.ts): keyed, Dutch and English side by side,
// plural forms for a count. The compiler checks every placeholder is given.
import type { Locale } from "../../bot/domain/vocabulary.js";
import { translatorOver, type Catalogue, type VarsArg } from "../../bot/text/text.js";

export const slackCatalogue = {
  "slack.answerInDm": {
    nl: "Ik antwoord je in ons privégesprek met Gesprekswijzer, zodat gegevens over leerlingen niet in een kanaal komen.",
    en: "I'll answer you in our direct messages with Gesprekswijzer, so pupil data stays out of channels.",
  },
  "slack.saving": { nl: "Even geduld: je antwoord wordt opgeslagen…", en: "One moment: saving your answer…" },
  "slack.appName": { nl: "Gesprekswijzer", en: "Gesprekswijzer" },
  "slack.close": { nl: "Sluiten", en: "Close" },
  "slack.paused": { nl: "Gepauzeerd", en: "Paused" },
  "slack.openFile": { nl: "Openen", en: "Open" },
  "slack.chooseCommand": { nl: "Kies…", en: "Choose…" },
  "home.title": { nl: "Gesprekswijzer", en: "Gesprekswijzer" },
  "home.hello": { nl: "Hoi {name}! Hier zie je wat er voor jou klaarstaat.", en: "Hi {name}! Here is what is waiting for you." },
  "home.drafts": { nl: "Verder waar je was", en: "Continue where you were" },
  "home.noDrafts": { nl: "Geen onafgemaakte gesprekken of voorbereidingen.", en: "No unfinished conversations or preparations." },
  "home.upcoming": { nl: "Komende gesprekken", en: "Upcoming conversations" },
  "home.noUpcoming": { nl: "Geen geplande of voorbereide gesprekken.", en: "No planned or prepared conversations." },
  "home.due": { nl: "Evaluaties deze week", en: "Evaluations this week" },
  "home.noDue": { nl: "Geen evaluaties in de komende week.", en: "No evaluations in the coming week." },
  "home.groups": { nl: "Jouw groepen", en: "Your groups" },
  "home.noGroups": { nl: "Je hebt (nog) geen groepen.", en: "You have no groups (yet)." },
  // The count is the pupils who had one (the verb agrees with it); {pupils} is home.pupils.
  "home.groupLine": {
    nl: { one: "*{group}*: 1 van {pupils} had een gesprek sinds {since}", other: "*{group}*: {count} van {pupils} hadden een gesprek sinds {since}" },
    en: "*{group}*: {count} of {pupils} had a conversation since {since}",
  },
  "home.pupils": { nl: { one: "1 leerling", other: "{count} leerlingen" }, en: { one: "1 pupil", other: "{count} pupils" } },
  "home.more": { nl: "… en nog {count}", en: "… and {count} more" },
  "home.updated": { nl: "Bijgewerkt {time}", en: "Updated {time}" },
  "home.resume": { nl: "Verder", en: "Continue" },
  "home.timeline": { nl: "Tijdlijn", en: "Timeline" },
  "home.paused": { nl: "Gepauzeerd", en: "Paused" },
  "home.kind.prepare": { nl: "Voorbereiding", en: "Preparation" },
  "home.kind.conversation": { nl: "Gesprek", en: "Conversation" },
  "home.kind.note": { nl: "Notitie", en: "Note" },
  "home.status.planned": { nl: "gepland", en: "planned" },
  "home.status.prepared": { nl: "voorbereid", en: "prepared" },
} as const satisfies Catalogue;

export type SlackTextKey = keyof typeof slackCatalogue;

const translate = translatorOver(slackCatalogue);

/** One of the adapter's texts in the reader's language. */
export function slackText<K extends SlackTextKey>(locale: Locale, key: K, ...vars: VarsArg<typeof slackCatalogue, K>): string {
  return translate(locale, key, ...vars);
}

const isSlackTextKey = (key: string): key is SlackTextKey => Object.hasOwn(slackCatalogue, key);

/** A text looked up by a key made at run time (a dialog kind, a status); the fallback when there is none. */
export function slackTextOr(locale: Locale, key: string, fallback: string): string {
  return isSlackTextKey(key) ? translate(locale, key) : fallback;
}

// What a school admin reads when a message could not be delivered to a colleague. Staff names
// and dates only: the failed message's content (and any pupil in it) is never repeated here.
import type { Locale } from "../domain/vocabulary.js";

type Texts = Record<Locale, string>;

export const REPORT_TEXT = {
  intro: {
    nl: "Gesprekswijzer kon een bericht niet bezorgen bij **{name}**: {what}, gepland voor {date}.",
    en: "Gesprekswijzer could not deliver a message to **{name}**: {what}, due on {date}.",
  },
  blocked: {
    nl: "De app is verwijderd of geblokkeerd. Vraag {name} om Gesprekswijzer opnieuw toe te voegen in Teams of Slack en de bot één bericht te sturen.",
    en: "The app was removed or blocked. Ask {name} to add Gesprekswijzer again in Teams or Slack and send the bot one message.",
  },
  not_found: {
    nl: "Het chatgesprek met de bot bestaat niet meer. Vraag {name} om de bot opnieuw een bericht te sturen.",
    en: "The chat with the bot no longer exists. Ask {name} to send the bot a message again.",
  },
  no_address: {
    nl: "{name} heeft Gesprekswijzer nog niet geopend (of de app verwijderd), dus de bot kan geen berichten sturen. Vraag {name} om de app te openen.",
    en: "{name} has not opened Gesprekswijzer yet (or removed the app), so the bot cannot send messages. Ask {name} to open the app.",
  },
  uncertain: {
    nl: "Het chatplatform gaf een storing: het bericht is misschien wel, misschien niet aangekomen. Het wordt niet opnieuw verstuurd, om dubbele berichten te voorkomen.",
    en: "The chat platform had a failure: the message may or may not have arrived. It is not sent again, to avoid duplicate messages.",
  },
  exhausted: {
    nl: "Versturen is {attempts} keer mislukt; het wordt niet meer geprobeerd.",
    en: "Sending failed {attempts} times; it will not be tried again.",
  },
  many: {
    nl: "Gesprekswijzer kon {count} berichten niet bezorgen:",
    en: "Gesprekswijzer could not deliver {count} messages:",
  },
  line: {
    nl: "- **{name}**: {what}, gepland voor {date} ({reason})",
    en: "- **{name}**: {what}, due on {date} ({reason})",
  },
  manyAdvice: {
    nl: "Vraag deze collega's om Gesprekswijzer (opnieuw) toe te voegen of te openen in Teams of Slack en de bot één bericht te sturen. Berichten die misschien wel zijn aangekomen, worden niet opnieuw verstuurd, om dubbele berichten te voorkomen.",
    en: "Ask these colleagues to add or open Gesprekswijzer (again) in Teams or Slack and send the bot one message. Messages that may have arrived are not sent again, to avoid duplicates.",
  },
} satisfies Record<string, Texts>;

/** A failure in a few words, for a line in a list. */
export const SHORT_REASON = {
  blocked: { nl: "app verwijderd of geblokkeerd", en: "app removed or blocked" },
  not_found: { nl: "chat bestaat niet meer", en: "chat no longer exists" },
  no_address: { nl: "app nog niet geopend", en: "app not opened yet" },
  uncertain: { nl: "misschien niet aangekomen", en: "may not have arrived" },
  exhausted: { nl: "versturen bleef mislukken", en: "sending kept failing" },
} satisfies Record<string, Texts>;

/** Readable names for the message kinds producers use; an unknown kind is shown as its code. */
const KIND_NAMES: Record<string, Texts> = {
  round_announcement: { nl: "de aankondiging van een gespreksronde", en: "the announcement of a conversation round" },
  plan_nudge: { nl: "een herinnering om gesprekken te plannen", en: "a reminder to plan conversations" },
  prepare_reminder: { nl: "een herinnering om een gesprek voor te bereiden", en: "a reminder to prepare a conversation" },
  unrecorded_nudge: { nl: "een herinnering om een gesprek vast te leggen", en: "a reminder to record a conversation" },
  evaluation_due: { nl: "een herinnering om een doel te evalueren", en: "a reminder to evaluate a goal" },
  weekly_digest: { nl: "het weekoverzicht", en: "the weekly summary" },
  undeliverable_report: { nl: "een melding over een onbezorgd bericht", en: "a notice about an undelivered message" },
  retention_notice: { nl: "een bericht over leerlinggegevens die binnenkort worden gewist", en: "a notice about pupil records due for erasure" },
  retention_report: { nl: "een verslag van gewiste leerlinggegevens", en: "a report of erased pupil records" },
};

export function kindName(kind: string, locale: Locale): string {
  return KIND_NAMES[kind]?.[locale] ?? kind;
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

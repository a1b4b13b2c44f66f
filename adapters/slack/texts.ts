// The Slack adapter's own few texts (everything else comes from the core, already localized).
import type { Locale } from "../../bot/domain/vocabulary.js";

const TEXTS = {
  nl: {
    answerInDm: "Ik antwoord je in ons privégesprek met Gesprekswijzer, zodat gegevens over leerlingen niet in een kanaal komen.",
    saving: "Even geduld: je antwoord wordt opgeslagen…",
    appName: "Gesprekswijzer",
    close: "Sluiten",
    openFile: "Openen",
    chooseCommand: "Kies…",
    homeTitle: "Gesprekswijzer",
    homeHello: "Hoi {name}! Hier zie je wat er voor jou klaarstaat.",
    homeDrafts: "Verder waar je was",
    homeNoDrafts: "Geen onafgemaakte gesprekken of voorbereidingen.",
    homeUpcoming: "Komende gesprekken",
    homeNoUpcoming: "Geen geplande of voorbereide gesprekken.",
    homeDue: "Evaluaties deze week",
    homeNoDue: "Geen evaluaties in de komende week.",
    homeGroups: "Jouw groepen",
    homeNoGroups: "Je hebt (nog) geen groepen.",
    homeGroupLine: "*{group}*: {held} van {total} leerlingen hadden een gesprek sinds {since}",
    homeMore: "… en nog {count}",
    homeUpdated: "Bijgewerkt {time}",
    resume: "Verder",
    timeline: "Tijdlijn",
    kind: { prepare: "Voorbereiding", conversation: "Gesprek", note: "Notitie" } as Record<string, string>,
    status: { planned: "gepland", prepared: "voorbereid" } as Record<string, string>,
    paused: "Gepauzeerd",
  },
  en: {
    answerInDm: "I'll answer you in our direct messages with Gesprekswijzer, so pupil data stays out of channels.",
    saving: "One moment: saving your answer…",
    appName: "Gesprekswijzer",
    close: "Close",
    openFile: "Open",
    chooseCommand: "Choose…",
    homeTitle: "Gesprekswijzer",
    homeHello: "Hi {name}! Here is what is waiting for you.",
    homeDrafts: "Continue where you were",
    homeNoDrafts: "No unfinished conversations or preparations.",
    homeUpcoming: "Upcoming conversations",
    homeNoUpcoming: "No planned or prepared conversations.",
    homeDue: "Evaluations this week",
    homeNoDue: "No evaluations in the coming week.",
    homeGroups: "Your groups",
    homeNoGroups: "You have no groups (yet).",
    homeGroupLine: "*{group}*: {held} of {total} pupils had a conversation since {since}",
    homeMore: "… and {count} more",
    homeUpdated: "Updated {time}",
    resume: "Continue",
    timeline: "Timeline",
    kind: { prepare: "Preparation", conversation: "Conversation", note: "Note" } as Record<string, string>,
    status: { planned: "planned", prepared: "prepared" } as Record<string, string>,
    paused: "Paused",
  },
} as const;

export type SlackTexts = (typeof TEXTS)[Locale];

export function slackTexts(locale: Locale): SlackTexts {
  return TEXTS[locale];
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

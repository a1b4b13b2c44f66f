// The Teams adapter's own few texts (everything else comes from the core, already localized),
// held the one way texts are held (bot/i18n/text.ts): keyed, Dutch and English side by side.
import type { Locale } from "../../bot/domain/vocabulary.js";
import { translatorOver, type Catalogue } from "../../bot/text/text.js";

export const teamsCatalogue = {
  "teams.openFile": { nl: "Openen", en: "Open" },
  "teams.chooseCommand": { nl: "OK", en: "OK" },
} as const satisfies Catalogue;

const translate = translatorOver(teamsCatalogue);

export function teamsText(locale: Locale, key: keyof typeof teamsCatalogue): string {
  return translate(locale, key);
}

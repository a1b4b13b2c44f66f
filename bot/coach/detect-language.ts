/**
 * Decides whether a question is Dutch or English by counting frequent function words
 * that belong to only one of the two languages. Ties go to Dutch, the product's main language.
 */
import { tokenize } from "./text.js";
import type { Language } from "./types.js";
import { wordSet } from "./word-sets.js";

const DUTCH_MARKERS = wordSet(
  "de het een je jij jou jouw wat hoe waarom wie waar wanneer welke welk en van niet ik dat die " +
    "vind vindt vond heb hebt heeft ben bent zijn met op voor naar ook nog toch hè er om te ga gaat " +
    "kun kunt kan wil wilt lukt snap mij graag leuk klas juf meester doe doet deed zou moet mag " +
    "hoeveel jullie waren wordt word zit dan eens toen nou altijd nooit goed maar",
);

const ENGLISH_MARKERS = wordSet(
  "the a an you your what how why who where when which and of not i that do does did are were " +
    "with to it for like can would have about this my at be been will could should think tell " +
    "always never don't didn't isn't aren't can't wouldn't shouldn't you're it's what's right " +
    "or well there from they their our yes no teacher class today fun break homework feel book friends " +
    "maths reading writing lesson happy easy story trip playground lunchtime",
);

export function detectLanguage(text: string): Language {
  let nl = 0;
  let en = 0;
  for (const token of tokenize(text)) {
    if (token.punct) continue;
    if (DUTCH_MARKERS.has(token.lower)) nl++;
    if (ENGLISH_MARKERS.has(token.lower)) en++;
    // Letter combinations that are typical of Dutch spelling.
    if (/ij|oe|ui|aa|uu|sch/u.test(token.lower) && !ENGLISH_MARKERS.has(token.lower)) nl += 0.25;
  }
  return en > nl ? "en" : "nl";
}

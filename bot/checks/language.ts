/**
 * Language of a check's input. Agreements and goals are short and full of names and numbers, so
 * besides the question coach's detector (frequent function words) this counts the checks' own
 * domain words: verb forms, time words and school words that belong to one language only.
 */
import { detectLanguage } from "../coach/index.js";
import { tokenize, wordSet } from "./text.js";
import type { CheckLanguage } from "./types.js";
import { verbForms } from "./verbs.js";

const DUTCH = wordSet(`
  de het een ik jij je hij zij wij mijn jouw zijn haar ons onze en of met van voor na tijdens elke
  iedere ieder dag dagen keer minuten minuut uur juf meester leerkracht mama papa ouders moeder vader
  niet geen beter meer heeft wordt kan moet gaat zelf zonder op aan bij tot om te als dan pas eerst
  samen week ochtend middag avond pauze kring instructie les sommen tafels woorden leest werkt
  binnenkort later soms ooit altijd maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
  heeft hebben leerling groep klas slechte werkhouding druk lui
`);

const ENGLISH = wordSet(`
  the a an i you he she my your his her our and or with of for after before during every each day
  days times minutes minute hour teacher mum mom dad parents mother father not no better more has
  can must will to at by on without own first then until week morning afternoon evening break lesson
  sums tables words reads works soon sometimes always monday tuesday wednesday thursday friday
  saturday sunday pupil class poor attitude lazy
`);

export function detectCheckLanguage(text: string): CheckLanguage {
  let nl = 0;
  let en = 0;
  for (const word of tokenize(text)) {
    const w = word.lower;
    const inNl = DUTCH.has(w);
    const inEn = ENGLISH.has(w);
    if (inNl && !inEn) nl++;
    if (inEn && !inNl) en++;
    if (!inNl && !inEn) {
      const forms = verbForms(w);
      const nlVerb = forms.some((f) => f.lang === "nl");
      const enVerb = forms.some((f) => f.lang === "en");
      if (nlVerb && !enVerb) nl += 0.5;
      if (enVerb && !nlVerb) en += 0.5;
    }
  }
  if (nl !== en) return nl > en ? "nl" : "en";
  return detectLanguage(text);
}

/**
 * Dutch rewrites of yes/no questions whose plain "Hoe …" or "Wat vind je ervan …" form was judged wrong on
 * unseen questions (issue 11, round 2), and the om…te helpers the rewrite table shares:
 * - an embedded question made direct: "Snap je nu hoe je een staartdeling maakt?" → "Hoe maak je een staartdeling?";
 * - understanding asks what: "Begreep je de uitleg?" → "Wat begreep je van de uitleg?";
 * - "weleens … met X" asks with whom, not how ("Hoe speel je met X?" presumes that you do): "Met wie speel je in de pauze?";
 * - what was done: "Heb je vandaag in de huishoek gespeeld?" → "Wat heb je vandaag in de huishoek gespeeld?";
 * - consent asked openly: "Mag ik dit aan je ouders vertellen?" → "Wat wil je dat ik hiervan aan je ouders vertel?";
 * - a teacher's goal becomes the pupil's plan: "Wil je bij de toets een hogere score halen?" → "Hoe wil je het bij de
 *   toets aanpakken?";
 * - an agreement: "Is het gelukt om elke dag te lezen?" → "Hoe ging het lezen?".
 */
import { invertedForJe, looksLikeInfinitive, stemFromInfinitive, teInfinitive } from "./morphology-nl.js";
import { lowerOf, question as q, type Tokens } from "./rewrite-common.js";
import { NL_PREPOSITIONS } from "./rules-nl.js";
import { wordSet } from "./word-sets.js";

const CLAUSE_AFTER_TE = wordSet("als wanneer omdat terwijl zodat");
const ADVERBS = wordSet("nu zelf ook wel al nog toch echt eigenlijk gewoon even eens dan weleens ooit soms");
const EMBEDDED_WH = wordSet("hoe wat waarom wanneer waar welke wie");
const UNDERSTAND = wordSet("snap snapt snapte begrijp begrijpt begreep weet wist");
const SOMETIMES = wordSet("weleens ooit soms");
const DONE = wordSet("gespeeld gedaan gemaakt geleerd gelezen gezien getekend gebouwd geschreven geoefend");
const MOMENT = wordSet("vandaag gisteren vanochtend vanmiddag laatst thuis buiten");
const DETERMINERS = wordSet("de het een je jouw mijn");
const PRONOUN_OBJECT: Record<string, string> = { dit: "hiervan", dat: "daarvan", het: "ervan" };

/** "afmaken" style clause: words before the trailing infinitive cluster, with "te" inserted; a clause goes after. */
export function omTeClause(tokens: Tokens, cluster: string[]): string {
  const [first, ...others] = cluster;
  if (first === undefined) return "";
  // "om te luisteren als ik iets uitleg", not "om als ik iets uitleg te luisteren".
  const sub = tokens.findIndex((t) => CLAUSE_AFTER_TE.has(t.lower));
  const before = sub >= 0 ? tokens.slice(0, sub) : tokens;
  const after = sub >= 0 ? tokens.slice(sub).map((t) => t.text) : [];
  return [before.map((t) => t.text).join(" "), ...teInfinitive(first), ...others, ...after].filter((x) => x.length > 0).join(" ");
}

export function trailingInfinitives(tokens: Tokens): number {
  let i = tokens.length;
  while (i > 0 && looksLikeInfinitive(tokens[i - 1]?.lower ?? "")) i--;
  return i;
}

/** Candidates for "<verb> <subject> <raw rest>?" that go before the general closed rewrites. */
export function closedExtras(main: Tokens): string[] {
  const l = lowerOf(main);
  const verb = l[0] ?? "";
  const subject = l[1] ?? "";
  const raw = main.slice(2);
  const rl = lowerOf(raw);
  const pupil = subject === "je" || subject === "jij";
  const out: string[] = [];
  if (pupil && UNDERSTAND.has(verb)) {
    let at = 0;
    while (ADVERBS.has(rl[at] ?? "")) at++;
    const clause = raw.slice(at);
    const cl = lowerOf(clause);
    const last = clause[clause.length - 1];
    // "hoe je een staartdeling maakt" → "Hoe maak je een staartdeling?"
    if (EMBEDDED_WH.has(cl[0] ?? "") && (cl[1] === "je" || cl[1] === "jij") && last && clause.length > 3 && !looksLikeInfinitive(last.lower)) {
      out.push(q(clause.slice(0, 1), invertedForJe(last.lower), "je", clause.slice(2, -1)));
    }
    if (DETERMINERS.has(cl[0] ?? "") && clause.length >= 2 && !cl.some((w) => EMBEDDED_WH.has(w) || w === "dat" || w === "of")) {
      out.push(q("Wat", invertedForJe(verb), "je van", clause));
    }
  }
  // "Speel je in de pauze weleens met de kinderen uit groep 5?" → "Met wie speel je in de pauze?"; a thing: "Waarmee …".
  const met = rl.indexOf("met");
  if (pupil && rl.some((w) => SOMETIMES.has(w)) && met >= 0 && (rl[met + 1] !== "je" || PEOPLE.test(rl[met + 2] ?? ""))) {
    // The phrases around "met …" stay ("in de pauze"); a name is a person unless it is a toy ("Lego").
    const next = rl.findIndex((w, i) => i > met + 1 && SETTING.has(w));
    const around = [...raw.slice(0, met), ...(next > 0 ? raw.slice(next) : [])].filter((t) => !ADVERBS.has(t.lower));
    const name = /^\p{Lu}\p{Ll}+$/u.test(raw[met + 1]?.text ?? "") && !TOYS.has(rl[met + 1] ?? "");
    const person = name || rl.slice(met + 1).some((w) => PEOPLE.test(w));
    out.push(q(person ? "Met wie" : "Waarmee", verb, subject, around));
  }
  // "Ga je weleens naar de bibliotheek?" → "Wat vind je van de bibliotheek?" ("Hoe ga je …" would presume that you go).
  const to = rl.findIndex((w) => w === "naar" || w === "op");
  if (pupil && met < 0 && rl.some((w) => SOMETIMES.has(w)) && to >= 0 && DETERMINERS.has(rl[to + 1] ?? "") && to + 3 === rl.length) {
    out.push(q("Wat vind je van", raw.slice(to + 1)));
  }
  // "Heb je in de pauze met iemand gespeeld?" → "Met wie heb je in de pauze gespeeld?"
  const someone = rl.indexOf("iemand");
  if (pupil && rl[someone - 1] === "met")
    out.push(
      q(
        "Met wie",
        verb,
        subject,
        raw.filter((_, i) => i !== someone && i !== someone - 1 && !SOMETIMES.has(rl[i] ?? "")),
      ),
    );
  // "Wil je volgende keer naast Daan zitten?" → "Waar wil je volgende keer zitten?"
  const place = rl.findIndex((w) => w === "naast" || w === "bij");
  if ((verb === "wil" || verb === "wilt") && pupil && place >= 0 && /^(zitten|staan|werken)$/u.test(rl[rl.length - 1] ?? "")) {
    out.push(q("Waar wil je", raw.slice(0, place), raw.slice(-1)));
  }
  // "Heb je vandaag in de huishoek gespeeld?" → "Wat heb je vandaag in de huishoek gespeeld?"
  const last = rl[rl.length - 1] ?? "";
  if ((verb === "heb" || verb === "hebt") && pupil && DONE.has(last) && (MOMENT.has(rl[0] ?? "") || NL_PREPOSITIONS.has(rl[0] ?? ""))) {
    out.push(
      q(
        "Wat heb je",
        raw.filter((t) => !ADVERBS.has(t.lower) || MOMENT.has(t.lower)),
      ),
    );
  }
  // "Mag ik dit ook aan je vader en moeder vertellen?" → "Wat wil je dat ik hiervan aan je vader en moeder vertel?"
  // "Mag ik je ouders vertellen wat we besproken hebben?" → "Wat wil je dat ik je ouders vertel over wat we besproken hebben?"
  const told = rl.findIndex((w) => w === "vertellen" || w === "laten");
  const told3 = stemFromInfinitive(rl[told] ?? "");
  if ((verb === "mag" || verb === "kan") && subject === "ik" && told > 0 && told3 && EMBEDDED_WH.has(rl[told + 1] ?? "") && rl[told] === "vertellen") {
    out.push(q("Wat wil je dat ik", raw.slice(0, told), told3, "over", raw.slice(told + 1)));
  }
  const pronoun = PRONOUN_OBJECT[rl[0] ?? ""];
  const inf = rl[rl.length - 1] ?? "";
  if ((verb === "mag" || verb === "kan") && subject === "ik" && pronoun && looksLikeInfinitive(inf)) {
    const finite = stemFromInfinitive(inf);
    if (finite)
      out.push(
        q(
          "Wat wil je dat ik",
          pronoun,
          raw.slice(1, -1).filter((t) => !ADVERBS.has(t.lower)),
          finite,
        ),
      );
  }
  // "Je wilt bij de volgende toets een hogere score halen?" → "Hoe wil je het bij de volgende toets aanpakken?"
  const p = rl.findIndex((w) => w === "bij" || w === "tijdens" || w === "in" || w === "op");
  if ((verb === "wil" || verb === "wilt") && pupil && p >= 0 && DETERMINERS.has(rl[p + 1] ?? "") && looksLikeInfinitive(last)) {
    const phraseEnd = rl.findIndex((w, i) => i > p + 1 && (DETERMINERS.has(w) || looksLikeInfinitive(w)));
    if (phraseEnd > p + 2)
      out.push(
        q(
          "Hoe wil je het",
          raw.slice(p, phraseEnd).filter((t) => !ADVERBS.has(t.lower)),
          "aanpakken",
        ),
      );
  }
  // "Dat was toch een leuk schoolreisje?" → "Hoe was het schoolreisje voor jou?" (a past event; a diminutive takes "het").
  if (verb === "was" && (subject === "dat" || subject === "dit") && rl[0] === "een" && /\p{L}{3,}je$/u.test(last)) {
    out.push(q("Hoe", verb, "het", last, "voor jou"));
  }
  // "Zullen we dat zo afspreken?" is the teacher's proposal: "Wat zou jij willen afspreken?"
  if ((verb === "zullen" || verb === "zal") && subject === "we" && /^(afspreken|proberen|doen|oefenen)$/u.test(last)) out.push(q("Wat zou jij willen", last));
  // "Is het gelukt om elke dag tien minuten te lezen?" → "Hoe ging het met het lezen?"
  const te = rl.indexOf("te");
  if (
    verb === "is" &&
    subject === "het" &&
    rl[0] === "gelukt" &&
    rl[1] === "om" &&
    !DETERMINERS.has(rl[2] ?? "") &&
    te > 2 &&
    rl[te + 1] &&
    te + 2 === rl.length
  ) {
    out.push(q("Hoe ging het", raw.slice(te + 1)));
  }
  // "Ben je blij dat je nu bij Noor in het groepje zit?" → "Hoe vind je het dat je nu bij Noor in het groepje zit?"
  const f0 = rl.findIndex((w) => !ADVERBS.has(w));
  if ((verb === "ben" || verb === "bent") && pupil && FEELINGS.has(rl[f0] ?? "") && rl[f0 + 1] === "dat") out.push(q("Hoe vind je het", raw.slice(f0 + 1)));
  // "Was je gisteren niet gewoon een beetje moe?" → "Hoe voelde je je gisteren?"
  const feeling = rl.findIndex((w) => FEELINGS.has(w));
  if ((verb === "was" || verb === "ben" || verb === "bent") && pupil && feeling > 0 && rl[feeling + 1] !== "dat") {
    const when = raw.slice(0, feeling).filter((t) => MOMENT.has(t.lower));
    if (when.length > 0) out.push(q(verb === "was" ? "Hoe voelde je je" : "Hoe voel je je", when));
  }
  // "Zit je fijn op je nieuwe plek naast Sem?" → "Wat vind je van je nieuwe plek naast Sem?"
  const on = rl.findIndex((w) => w === "op" || w === "in" || w === "bij");
  if (pupil && PLEASANT.has(rl[0] ?? "") && on === 1 && DETERMINERS.has(rl[2] ?? "") && rl.length >= 4) {
    out.push(q(isPastVerb(verb) ? "Wat vond je van" : "Wat vind je van", raw.slice(2)));
  }
  return out;
}

const PEOPLE = /^(kinderen|kind|jongens|meisjes|klasgeno\p{L}*|vriend\p{L}*|broer\p{L}*|zus\p{L}*|iemand|anderen|buur\p{L}*|opa|oma|papa|mama|ouders)$/u;
const SETTING = wordSet("in op tijdens na bij");
const TOYS = wordSet("lego playmobil duplo knex minecraft fortnite roblox");
const FEELINGS = wordSet("blij moe verdrietig boos bang trots zenuwachtig bezorgd");
const PLEASANT = wordSet("fijn lekker goed prettig leuk gezellig");
const isPastVerb = (verb: string): boolean => /^(zat|lag|stond|was|had|deed|speelde|werkte)$/u.test(verb);

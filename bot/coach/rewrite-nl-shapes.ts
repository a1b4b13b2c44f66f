/**
 * Dutch rewrites for shapes the template table in rewrite-nl.ts did not understand, each built
 * only when the whole question fits the shape (the gate in suggest.ts checks the result anyway):
 *
 * - ability: "Kun je (goed/zelf/al) samenwerken met Bram?" → "Hoe gaat het samenwerken met Bram?";
 *   with an object: "Kun je de tafel van 6 opzeggen?" → "Hoe gaat het opzeggen van de tafel van 6?"
 * - someone else helps: "Kan je zus je helpen met de sommen?" → "Hoe helpt je zus je met de sommen?"
 * - either/or between two topics: "Vind je rekenen of taal leuker?" → "Wat is voor jou het verschil
 *   tussen rekenen en taal?"; between two feelings: "Vind je het spannend of leuk?" → "Hoe voelt het voor jou?"
 * - a state: "Is het lastig of makkelijk?" → "Hoe is het voor jou?"; "Is je werkstuk al af?" → "Hoe ver ben je met je werkstuk?"
 * - a plan: "Ga je straks met Noor spelen?" → "Wat ga je straks met Noor spelen?"
 * - a presumed cause: "Het komt door de drukte, of niet?" → "Waar komt het door, volgens jou?"
 */
import { lowerOf, question as q, type Tokens } from "./rewrite-common.js";
import { looksLikeInfinitive, thirdPerson } from "./morphology-nl.js";
import { SUBJECTS } from "./topics.js";
import { wordSet } from "./word-sets.js";

/** Separable verbs ("ophalen") split in a main clause; we keep them whole behind a modal instead. */
const SEPARABLE = /^(op|af|mee|uit|aan|in|na|toe|terug|weg|over|bij|voor|door|samen|thuis)\p{L}{3,}en$/u;
const ADVERBS = wordSet("goed zelf al nog wel ook eens even echt makkelijk snel alleen");
const PLACE_TIME = wordSet("thuis buiten binnen vandaag gisteren vanochtend vanmiddag daar");
const ACTIVITIES = wordSet("spelen doen maken lezen tekenen schrijven oefenen leren bouwen knutselen eten vragen");
const OBJECT_PRONOUNS = wordSet("je jou me mij ons");
const DETERMINERS = wordSet("de het een je jouw mijn");
const EVALUATIVE = wordSet(
  "leuk leuker fijn fijner moeilijk moeilijker lastig lastiger makkelijk makkelijker saai saaier spannend spannender " +
    "eng enger goed beter gezellig fijne leuke prettig prettiger interessant interessanter mooi mooier liever",
);

function isWord(t: Tokens[number] | undefined): boolean {
  return t !== undefined && /^\p{L}+$/u.test(t.text);
}

function ability(main: Tokens): string[] {
  const l = lowerOf(main);
  if (!["kun", "kan", "kunt"].includes(l[0] ?? "") || l[1] !== "je") return [];
  const rest = main.slice(2);
  const restL = lowerOf(rest);
  // "Kan je zus je helpen met …": "je zus" is the subject, the second "je" the pupil.
  if (isWord(rest[0]) && !ADVERBS.has(restL[0] ?? "") && OBJECT_PRONOUNS.has(restL[1] ?? "") && looksLikeInfinitive(restL[2] ?? "")) {
    const inf = restL[2] ?? "";
    const finite = SEPARABLE.test(inf) ? null : thirdPerson(inf);
    const modal = [q("Hoe", main.slice(0, 1), "je", rest.slice(0, 3), rest.slice(3))];
    return finite ? [q("Hoe", finite, "je", rest.slice(0, 1), rest.slice(1, 2), rest.slice(3)), ...modal] : modal;
  }
  // "Kan je klasgenoot je uitleg geven over breuken?": keep the modal, ask how.
  if (isWord(rest[0]) && !ADVERBS.has(restL[0] ?? "") && OBJECT_PRONOUNS.has(restL[1] ?? "") && restL.slice(2, 5).some((w) => looksLikeInfinitive(w))) {
    return [q("Hoe", main.slice(0, 1), "je", rest)];
  }
  const content = rest.filter((t) => !ADVERBS.has(t.lower));
  const infAt = content.findIndex((t, i) => looksLikeInfinitive(t.lower) && (i === 0 || !DETERMINERS.has(content[i - 1]?.lower ?? "")));
  if (infAt < 0) return [];
  const inf = content[infAt];
  const object = content.slice(0, infAt);
  const tail = content.slice(infAt + 1);
  if (!inf) return [];
  if (object.length === 0) return [q("Hoe gaat het", [inf], tail)];
  if (DETERMINERS.has(object[0]?.lower ?? "")) return [q("Hoe gaat het", [inf], "van", object, tail)];
  return [];
}

function eitherOr(main: Tokens): string[] {
  const l = lowerOf(main);
  // "Ben je bang of zenuwachtig voor de musical?" → "Hoe voel je je over de musical?"
  if (["ben", "bent", "was"].includes(l[0] ?? "") && l[1] === "je" && l[3] === "of") {
    const about = main.slice(5).map((t, i) => (i === 0 && ["voor", "met", "op"].includes(t.lower) ? { ...t, text: "over", lower: "over" } : t));
    return [q(l[0] === "was" ? "Hoe voelde je je" : "Hoe voel je je", about)];
  }
  // "Vind je de juf streng of aardig?" → "Wat vind je van de juf?"
  if (["vind", "vond"].includes(l[0] ?? "") && l[1] === "je" && DETERMINERS.has(l[2] ?? "") && l[2] !== "het" && l[5] === "of") {
    return [q("Wat", main.slice(0, 2), "van", main.slice(2, 4))];
  }
  if (!["vind", "vond"].includes(l[0] ?? "") || l[1] !== "je") return [];
  const rest = main.slice(2).filter((t) => !EVALUATIVE.has(t.lower) && t.lower !== "het" && t.lower !== "nou");
  const orAt = lowerOf(rest).indexOf("of");
  if (lowerOf(main).includes("het") && (rest.length === 1 || orAt < 0)) return ["Hoe voelt het voor jou?"];
  if (orAt <= 0 || orAt === rest.length - 1) return [];
  // Only two subjects ("rekenen of taal") make a difference to ask about; "het boek mooi of stom" does not.
  const options = [lowerOf(rest.slice(0, orAt)), lowerOf(rest.slice(orAt + 1))];
  if (!options.every((o) => o.length === 1 && SUBJECTS.nl.has(o[0] ?? ""))) return [];
  return [q("Welk verschil merk jij tussen", rest.slice(0, orAt), "en", rest.slice(orAt + 1))];
}

/** "Is het lastig of makkelijk?" → "Hoe is het voor jou?"; "Is je werkstuk al af?" → "Hoe ver ben je met je werkstuk?" */
function stateOf(main: Tokens): string[] {
  const l = lowerOf(main);
  const [verb, subject] = l;
  if (verb !== "is" && verb !== "was" && verb !== "zijn") return [];
  const rest = l.slice(2).filter((w) => !ADVERBS.has(w));
  if (subject === "het" && rest.includes("of") && rest.every((w) => w === "of" || EVALUATIVE.has(w) || /^\p{L}+$/u.test(w))) {
    if (rest.length <= 3) return [verb === "was" ? "Hoe was het voor jou?" : "Hoe is het voor jou?"];
  }
  // "Is het thuis een beetje rustig?" → "Hoe is het thuis?"
  if (subject === "het" && PLACE_TIME.has(rest[0] ?? "")) return [q("Hoe", verb === "zijn" ? "is" : verb, "het", main.slice(2, 3))];
  const last = rest[rest.length - 1];
  if ((last === "af" || last === "klaar") && DETERMINERS.has(subject ?? "") && main[2]) return [q("Hoe ver ben je met", main.slice(1, 3))];
  return [];
}

/** "Durf je in de kring iets te vertellen?" → "Wat helpt je om in de kring iets te vertellen?" */
function courage(main: Tokens): string[] {
  const l = lowerOf(main);
  if (!["durf", "durfde"].includes(l[0] ?? "") || l[1] !== "je" || !l.includes("te")) return [];
  return [q("Wat helpt je om", main.slice(2))];
}

/** "Ga je straks met Noor spelen?" → "Wat ga je straks met Noor spelen?" */
function plan(main: Tokens): string[] {
  const l = lowerOf(main);
  if (l[0] !== "ga" || l[1] !== "je" || !ACTIVITIES.has(l[l.length - 1] ?? "")) return [];
  return [
    q(
      "Wat ga je",
      main.slice(2).filter((t) => !ADVERBS.has(t.lower)),
    ),
  ];
}

/** "Heb je het gisteren leuk gehad bij oma?" → "Hoe was het gisteren bij oma?"; "Heb je een fijne vakantie gehad?" → "Hoe was je vakantie?" */
function hadTime(main: Tokens): string[] {
  const l = lowerOf(main);
  if (!["heb", "had"].includes(l[0] ?? "") || l[1] !== "je" || !l.includes("gehad")) return [];
  const rest = main
    .slice(2)
    .filter((t) => t.lower !== "gehad" && !EVALUATIVE.has(t.lower) && !EVALUATIVE.has(t.lower.replace(/e$/u, "")) && !ADVERBS.has(t.lower));
  if (rest[0]?.lower === "het") return [q("Hoe was het", rest.slice(1))];
  if (rest[0]?.lower === "een" && rest.length === 2) return [q("Hoe was je", rest.slice(1))];
  return [];
}

/** "Ben je het eens met de afspraak?" → "Wat vind je van de afspraak?" */
function agreement(main: Tokens): string[] {
  const l = lowerOf(main);
  if (l[0] !== "ben" || l[1] !== "je" || l[2] !== "het" || l[3] !== "eens" || l[4] !== "met" || main.length < 6) return [];
  return [q("Wat vind je van", main.slice(5))];
}

function presumedCause(main: Tokens): string[] {
  const l = lowerOf(main);
  const [subject, verb] = l;
  if (subject !== "het" && subject !== "dat") return [];
  if ((verb === "komt" || verb === "kwam") && (l.includes("door") || l.includes("doordat"))) return [q("Waar", verb, subject, "door, volgens jou")];
  if ((verb === "ligt" || verb === "lag") && l.includes("aan")) return [q("Waar", verb, subject, "aan, volgens jou")];
  return [];
}

/** Candidates for the shapes above, best first; [] when the question has none of them. */
export function shapeRewritesNl(main: Tokens): string[] {
  return [...presumedCause(main), ...agreement(main), ...hadTime(main), ...ability(main), ...eitherOr(main), ...stateOf(main), ...plan(main), ...courage(main)];
}

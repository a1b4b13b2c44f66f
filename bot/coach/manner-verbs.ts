/**
 * Which Dutch verbs a rebuilt "Hoe <werkwoord> je …?" may start with (issue 11, round 3).
 *
 * Turning a yes/no question into "Hoe" + its own verb only works when the verb can be done in a manner: "Oefen je
 * thuis de tafels?" → "Hoe oefen je thuis de tafels?". With most other verbs it is not Dutch, or it presumes the
 * answer the yes/no question left open: "Mis je je oude school?" → "Hoe mis je je oude school?", "Kijk je 's avonds
 * tv?" → "Hoe kijk je tv?", "Ga je mee op kamp?" → "Hoe ga je mee?", "Durf je …" → "Hoe durf je …" (a reproach).
 * So the rewrite keeps "Hoe" only for the verbs below and otherwise asks about the topic. A list that allows is
 * safer than one that forbids: an unknown verb costs a rewrite, not a broken sentence. English has the same rule
 * ("Did you miss your old school?" → not "How did you miss …").
 */
import { wordSet } from "./word-sets.js";

/** Present and past forms after "je" ("oefen", "oefende"): verbs that take a manner on their own. */
const MANNER = wordSet(
  [
    "maak maakte leer leerde oefen oefende werk werkte los loste pak pakte onthoud onthield lees las schrijf schreef",
    "reken rekende plan plande bereid bereidde vind vond voel voelde merk merkte help hielp kom kwam slaap sliep",
    "zorg zorgde concentreer concentreerde verdeel verdeelde begin begon regel regelde helpen helpt hielpen",
    "reageer reageerde kies koos leg legde zoek zocht vraag vroeg spreek sprak deel deelde bedenk bedacht",
  ].join(" "),
);
/** Verbs that take a manner only with their particle: "Ga je goed om met …" → "Hoe ga je om met …". */
const WITH_PARTICLE: Record<string, readonly string[]> = {
  ga: ["om", "verder"],
  ging: ["om", "verder"],
  kijk: ["aan"],
  keek: ["aan"],
  bereid: ["voor"],
};
const MANNER_INFINITIVE = /(maken|leren|oefenen|werken|oplossen|aanpakken|lezen|schrijven|rekenen|plannen|voorbereiden|doen|helpen|onthouden|houden)$/u;
/** Participles after "heb je": "Heb je goed geoefend?" → "Hoe heb je geoefend?"; not "Hoe heb je het liefst?". */
const MANNER_PARTICIPLES = wordSet(
  "geleerd geoefend gedaan gewerkt gemaakt geslapen gelezen geschreven gerekend gepland aangepakt voorbereid opgelost geholpen gevoeld",
);

/** Whether "Hoe <verb> je <rest>?" asks for a manner, for a verb as it follows "je" and the rest in lower case. */
export function takesHow(verb: string, rest: readonly string[]): boolean {
  if (MANNER.has(verb)) return true;
  const particles = WITH_PARTICLE[verb] ?? [];
  if (particles.some((p) => rest.includes(p))) return true;
  // "Ga je het zelf oplossen?" → "Hoe ga je het zelf oplossen?": the manner is the infinitive's.
  const last = rest[rest.length - 1] ?? "";
  return (verb === "ga" || verb === "ging") && MANNER_INFINITIVE.test(last);
}

/** Whether "Hoe heb je … <participle>?" asks for a manner. */
export function participleTakesHow(participle: string): boolean {
  return MANNER_PARTICIPLES.has(participle);
}

/**
 * English verbs (base form after do/did) that take a manner: "Do you practise at home?" → "How do you practise at home?".
 * Not "manage": "How did you manage to read every day?" presumes that you did.
 */
const MANNER_EN = wordSet(
  "practise practice learn work solve tackle plan prepare read write make help feel find sleep remember study revise start organise organize " +
    "concentrate cope deal handle spend get choose",
);

export function takesHowEn(verb: string): boolean {
  return MANNER_EN.has(verb);
}

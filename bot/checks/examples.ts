/**
 * Example rephrasings for hints and suggestions, chosen by the topic of the teacher's text
 * (reading, maths, calm behaviour …) so the example looks like the agreement or goal at hand.
 */
import type { Bilingual } from "./types.js";

export type Topic =
  | "reading"
  | "maths"
  | "spelling"
  | "attention"
  | "calm"
  | "social"
  | "help"
  | "planning"
  | "confidence"
  | "general";

// Word beginnings per topic ("som$": the whole word only); the topic with the most hits wins, earlier topics win ties.
const TOPIC_STEMS: readonly [Topic, readonly string[]][] = [
  ["confidence", ["faalangst", "zelfvertrouwen", "verlegen", "onzeker", "bang", "durf", "confiden", "shy", "anxi", "fear", "dare", "trots", "proud"]],
  ["reading", ["lees", "lezen", "leest", "boek", "bieb", "biblio", "avi", "dmt", "mkm", "dyslex", "dyslec", "read", "book", "librar", "cvc", "phonic"]],
  ["maths", ["reken", "som$", "sommen", "tafel", "breuk", "getal", "klok", "dyscalc", "math", "sum", "times", "table", "fraction", "number", "tel$", "telt", "tellen", "count"]],
  ["spelling", ["spel", "dictee", "woordje", "schrijf", "schrijv", "handschrift", "zinnen", "writ", "handwrit", "sentence", "neat", "netter", "netjes"]],
  ["calm", ["rustig", "druk", "stuiter", "onrust", "adhd", "stilzit", "roep", "calm", "restless", "hyper", "bounc", "shout", "sit still", "seat", "plek"]],
  ["social", ["ruzie", "boos", "pest", "slaan", "slaat", "duw", "aardig", "lief", "vriend", "angry", "fight", "nice", "kind$", "kinder", "friend", "bully", "push"]],
  ["help", ["hulp", "vraag", "vragen", "vinger", "vastloop", "vastzit", "help", "ask", "stuck", "hand"]],
  ["planning", ["huiswerk", "agenda", "plan", "tas", "spullen", "homework", "planner", "bag", "weektaak", "weekly task"]],
  ["attention", ["oplet", "let op", "concentr", "aandacht", "werkhouding", "taak", "instructie", "focus", "attention", "task", "lui", "lazy", "dromer", "dromerig", "afwezig", "spanningsboog", "motiv", "daydream", "attitude", "best", "harder", "try", "werk", "work"]],
];

export function detectTopic(text: string): Topic {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ")} `;
  let best: Topic = "general";
  let bestScore = 0;
  for (const [topic, stems] of TOPIC_STEMS) {
    let score = 0;
    for (const stem of stems) {
      const needle = stem.endsWith("$") ? ` ${stem.slice(0, -1)} ` : ` ${stem}`;
      if (lower.includes(needle)) score++;
    }
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  }
  return best;
}

/** What a pupil could agree to do, in the pupil's own words. */
const AGREEMENT_WHAT: Record<Topic, Bilingual> = {
  reading: {
    nl: "Ik lees elke dag na de pauze 15 minuten in mijn leesboek.",
    en: "I read my reading book for 15 minutes every day after break.",
  },
  maths: {
    nl: "Ik oefen elke ochtend 5 minuten de tafel van 7 met flitskaartjes.",
    en: "I practise the 7 times table with flashcards for 5 minutes every morning.",
  },
  spelling: {
    nl: "Ik schrijf elke dinsdag de 10 woorden van de week over en laat ze aan juf zien.",
    en: "Every Tuesday I copy out the 10 words of the week and show them to my teacher.",
  },
  attention: {
    nl: "Na de uitleg begin ik meteen en maak ik eerst 3 sommen zelf voordat ik mijn vinger opsteek.",
    en: "After the explanation I start straight away and do 3 sums on my own before I put my hand up.",
  },
  calm: {
    nl: "Als ik iets wil zeggen, steek ik mijn vinger op en wacht ik tot juf mij de beurt geeft.",
    en: "When I want to say something, I put my hand up and wait until my teacher says my name.",
  },
  social: {
    nl: "Als ik boos word, loop ik naar de rustplek en tel ik tot tien.",
    en: "When I get angry, I walk to the calm corner and count to ten.",
  },
  help: {
    nl: "Als ik vastzit, zet ik mijn blokje op rood en maak ik eerst een andere opdracht.",
    en: "When I am stuck, I turn my cube to red and do another task until my teacher comes.",
  },
  planning: {
    nl: "Ik schrijf elke dag mijn huiswerk in mijn agenda en laat het thuis aan papa of mama zien.",
    en: "Every day I write my homework in my planner and show it to mum or dad at home.",
  },
  confidence: {
    nl: "Ik vertel één keer per week in de kring iets over een werkje waar ik trots op ben.",
    en: "Once a week in circle time I tell the group about a piece of work I am proud of.",
  },
  general: {
    nl: "Ik maak elke ochtend één opdracht van mijn weektaak af zonder hulp en laat die aan juf zien.",
    en: "Every morning I finish one task from my weekly plan without help and show it to my teacher.",
  },
};

export function agreementExample(topic: Topic): Bilingual {
  return AGREEMENT_WHAT[topic];
}

export const WHO_EXAMPLE: Bilingual = {
  nl: "'ik (Sam)', 'juf Anna' of 'Sam en papa'",
  en: "'I (Sam)', 'Ms Anna' or 'Sam and dad'",
};

export const WHEN_EXAMPLE: Bilingual = {
  nl: "'elke ochtend na de kring', 'tijdens zelfstandig werken' of 'vóór de kerstvakantie'",
  en: "'every morning after registration', 'during independent work' or 'by the Christmas holidays'",
};

/** Observable goals in the form <who> <does what> <how often/long/well> <when>. */
const GOAL_EXAMPLE: Record<Topic, { nl: (n: string) => string; en: (n: string) => string }> = {
  attention: {
    nl: (n) => `${n} werkt na de groepsinstructie 10 minuten zelfstandig aan de weektaak.`,
    en: (n) => `${n} works on the weekly task independently for 10 minutes after the group instruction.`,
  },
  calm: {
    nl: (n) => `${n} blijft tijdens de instructie van 15 minuten op de eigen plek zitten.`,
    en: (n) => `${n} stays in their seat during the 15-minute instruction.`,
  },
  reading: {
    nl: (n) => `${n} leest tijdens de leesles 20 mkm-woorden binnen een minuut zonder fouten.`,
    en: (n) => `${n} reads 20 CVC words within one minute without mistakes in the reading lesson.`,
  },
  maths: {
    nl: (n) => `${n} maakt tijdens zelfstandig werken 8 van de 10 keersommen tot en met de tafel van 5 goed.`,
    en: (n) => `${n} gets 8 out of 10 times-table sums up to 5 right during independent work.`,
  },
  spelling: {
    nl: (n) => `${n} schrijft bij het dictee 8 van de 10 woorden met ei of ij goed.`,
    en: (n) => `${n} spells 8 out of 10 words of the week correctly in the Friday dictation.`,
  },
  social: {
    nl: (n) => `${n} loopt bij ruzie in de pauze naar de pleinwacht in plaats van te duwen, 4 van de 5 keer.`,
    en: (n) => `${n} walks to the teacher on duty instead of pushing when there is an argument at break, 4 out of 5 times.`,
  },
  help: {
    nl: (n) => `${n} maakt tijdens zelfstandig werken eerst zelf 2 sommen en vraagt daarna hulp met het hulpkaartje.`,
    en: (n) => `${n} does 2 sums alone first and then asks for help with the help card during independent work.`,
  },
  planning: {
    nl: (n) => `${n} schrijft elke dag het huiswerk in de agenda en laat dat de volgende ochtend aan de leerkracht zien.`,
    en: (n) => `${n} writes the homework in the planner every day and shows it to the teacher the next morning.`,
  },
  confidence: {
    nl: (n) => `${n} vertelt één keer per week in de kring iets over een eigen werkstuk.`,
    en: (n) => `${n} tells the group about a piece of their own work once a week in circle time.`,
  },
  general: {
    nl: (n) => `${n} werkt na de groepsinstructie 10 minuten zelfstandig aan de weektaak.`,
    en: (n) => `${n} works on the weekly task independently for 10 minutes after the group instruction.`,
  },
};

export function goalExample(topic: Topic, name: { nl: string; en: string }): Bilingual {
  const example = GOAL_EXAMPLE[topic];
  return { nl: example.nl(name.nl), en: example.en(name.en) };
}

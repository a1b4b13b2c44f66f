/**
 * Example rephrasings for hints and suggestions, chosen by the topic of the teacher's text
 * (reading, maths, calm behaviour …) so the example looks like the agreement or goal at hand.
 */
import type { Bilingual } from "./types.js";
import { localized } from "../i18n/translate.js";

export type Topic = "reading" | "maths" | "spelling" | "attention" | "calm" | "social" | "help" | "planning" | "confidence" | "general";

// Word beginnings per topic ("som$": the whole word only); the topic with the most hits wins, earlier topics win ties.
const TOPIC_STEMS: readonly [Topic, readonly string[]][] = [
  ["confidence", ["faalangst", "zelfvertrouwen", "verlegen", "onzeker", "bang", "durf", "confiden", "shy", "anxi", "fear", "dare", "trots", "proud"]],
  ["reading", ["lees", "lezen", "leest", "boek", "bieb", "biblio", "avi", "dmt", "mkm", "dyslex", "dyslec", "read", "book", "librar", "cvc", "phonic"]],
  [
    "maths",
    [
      "reken",
      "som$",
      "sommen",
      "tafel",
      "breuk",
      "getal",
      "klok",
      "dyscalc",
      "math",
      "sum",
      "times",
      "table",
      "fraction",
      "number",
      "tel$",
      "telt",
      "tellen",
      "count",
    ],
  ],
  ["spelling", ["spel", "dictee", "woordje", "schrijf", "schrijv", "handschrift", "zinnen", "writ", "handwrit", "sentence", "neat", "netter", "netjes"]],
  ["calm", ["rustig", "druk", "stuiter", "onrust", "adhd", "stilzit", "roep", "calm", "restless", "hyper", "bounc", "shout", "sit still", "seat", "plek"]],
  [
    "social",
    ["ruzie", "boos", "pest", "slaan", "slaat", "duw", "aardig", "lief", "vriend", "angry", "fight", "nice", "kind$", "kinder", "friend", "bully", "push"],
  ],
  ["help", ["hulp", "vraag", "vragen", "vinger", "vastloop", "vastzit", "help", "ask", "stuck", "hand"]],
  ["planning", ["huiswerk", "agenda", "plan", "tas", "spullen", "homework", "planner", "bag", "weektaak", "weekly task"]],
  [
    "attention",
    [
      "oplet",
      "let op",
      "concentr",
      "aandacht",
      "werkhouding",
      "taak",
      "instructie",
      "focus",
      "attention",
      "task",
      "lui",
      "lazy",
      "dromer",
      "dromerig",
      "afwezig",
      "spanningsboog",
      "motiv",
      "daydream",
      "attitude",
      "best",
      "harder",
      "try",
      "werk",
      "work",
    ],
  ],
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
export function agreementExample(topic: Topic): Bilingual {
  return localized(`check.example.agreement.${topic}`);
}

/** An observable goal in the form <who> <does what> <how often/long/well> <when>. */
export function goalExample(topic: Topic, name: { nl: string; en: string }): Bilingual {
  return localized(`check.example.goal.${topic}`, { name });
}

// Texts of the question coach as the teacher sees them: the flags' names and the reply to "coach <vraag>".
import type { Catalogue } from "../../text/text.js";

export const coach = {
  "coach.ask": {
    nl: "Typ **coach** gevolgd door je vraag, bijvoorbeeld: coach Vind je rekenen leuk?",
    en: "Type **coach** followed by your question, for example: coach Do you like maths?",
  },
  "coach.good": { nl: "Goede open vraag.", en: "A good open question." },
  "coach.flags": { nl: "Let op: {flags}.", en: "Watch out: {flags}." },
  "coach.suggestion": { nl: "Probeer: {suggestion}", en: "Try: {suggestion}" },
  "coach.closed": { nl: "gesloten (ja/nee)", en: "closed (yes/no)" },
  "coach.multiple": { nl: "meerdere vragen of onderwerpen tegelijk", en: "several questions or topics at once" },
  "coach.leading": { nl: "sturend (het antwoord zit al in de vraag)", en: "leading (the answer is in the question)" },
  "coach.judging": { nl: "oordelend of verwijtend", en: "judging or blaming" },
} as const satisfies Catalogue;

// The questions a dialog asks about itself (dialogs/engine/questions.ts): stop and discard?, did you
// mean the command?, and the words that answer them.
import type { Catalogue } from "../../text/text.js";

export const questions = {
  "question.cancel": {
    nl: {
      one: "Stoppen met **{dialog}**? Dan gaat het ene antwoord dat je al invulde verloren. Wil je later verder, kies dan **pauze**: dan blijft het bewaard. (ja / nee / pauze)",
      other:
        "Stoppen met **{dialog}**? Dan gaan de {count} antwoorden die je al invulde verloren. Wil je later verder, kies dan **pauze**: dan blijft alles bewaard. (ja / nee / pauze)",
    },
    en: {
      one: "Stop **{dialog}**? The one answer you already gave will be discarded. To continue later, choose **pause**: then it is kept. (yes / no / pause)",
      other:
        "Stop **{dialog}**? The {count} answers you already gave will be discarded. To continue later, choose **pause**: then everything is kept. (yes / no / pause)",
    },
  },
  "question.cancel.yes": { nl: "Ja, stoppen", en: "Yes, stop" },
  "question.cancel.no": { nl: "Nee, ga verder", en: "No, continue" },
  "question.cancel.pause": { nl: "Pauzeren", en: "Pause" },
  "question.command": {
    nl: "Bedoel je het commando **{command}**? Dan blijft **{dialog}** staan waar je was. Of is dit je antwoord op ‘{field}’? (ja = commando / nee = mijn antwoord)",
    en: "Do you mean the command **{command}**? Then **{dialog}** stays where you were. Or is this your answer to ‘{field}’? (yes = command / no = my answer)",
  },
  "question.commandNoField": {
    nl: "Bedoel je het commando **{command}**? Dan blijft **{dialog}** staan waar je was. (ja / nee)",
    en: "Do you mean the command **{command}**? Then **{dialog}** stays where you were. (yes / no)",
  },
  "question.command.yes": { nl: "Ja, het commando", en: "Yes, the command" },
  "question.command.no": { nl: "Nee, dit is mijn antwoord", en: "No, this is my answer" },
  "question.command.noNoField": { nl: "Nee", en: "No" },
  "question.gone": {
    nl: "Die vraag is niet meer actueel; er is niets veranderd.",
    en: "That question is no longer current; nothing was changed.",
  },
  "question.staleKept": {
    nl: "Die kaart was niet meer actueel, dus er is nog niets opgeslagen. Wat je invulde staat hieronder weer klaar: kijk het na en verstuur opnieuw.",
    en: "That card was no longer current, so nothing was saved yet. What you filled in is back below: check it and send it again.",
  },
  "question.staleOtherStep": {
    nl: "Die kaart was niet meer actueel, dus dit is niet opgeslagen bij ‘{step}’:\n{answers}\nGa **terug** naar die stap om het daar in te vullen. Hieronder de stap waar je nu bent.",
    en: "That card was no longer current, so this was not saved under ‘{step}’:\n{answers}\nGo **back** to that step to fill it in there. Below is the step you are at now.",
  },
} satisfies Catalogue;

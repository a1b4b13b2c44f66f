// Messages the engine itself gives, and the typed control words it understands.
import type { DialogAction, LocalizedText } from "./types.js";

const CONTROL_WORDS: Record<string, Exclude<DialogAction, "submit">> = {
  terug: "back",
  back: "back",
  vorige: "back",
  overslaan: "skip",
  skip: "skip",
  pauze: "pause",
  pauzeren: "pause",
  pause: "pause",
  later: "pause",
  stop: "cancel",
  stoppen: "cancel",
  annuleren: "cancel",
  cancel: "cancel",
};

export const ENGINE_TEXT = {
  stale: {
    nl: "Die kaart is niet meer actueel (al verstuurd of het gesprek is verder). Er is niets veranderd; hier is de stap waar je nu bent.",
    en: "That card is no longer current (already sent, or the dialog moved on). Nothing was changed; here is the step you are at now.",
  },
  pausedStale: {
    nl: "Dit gesprek staat op pauze. Typ **verder** om verder te gaan; er is niets veranderd.",
    en: "This dialog is paused. Type **resume** to continue; nothing was changed.",
  },
  finished: {
    nl: "Dit gesprek is al afgerond of gestopt; er is niets veranderd.",
    en: "This dialog has already been finished or stopped; nothing was changed.",
  },
  notYours: {
    nl: "Deze kaart hoort bij het gesprek van iemand anders. Je kunt hem niet invullen; er is niets veranderd.",
    en: "This card belongs to someone else's dialog. You cannot fill it in; nothing was changed.",
  },
  malformed: {
    nl: "Dat antwoord kon ik niet lezen; er is niets veranderd.",
    en: "I could not read that answer; nothing was changed.",
  },
  paused: {
    nl: "Gepauzeerd. Alles wat je invulde is bewaard. Typ **verder** wanneer je verder wilt.",
    en: "Paused. Everything you entered is saved. Type **resume** when you want to continue.",
  },
  cancelled: {
    nl: "Gestopt. Er is niets opgeslagen in het dossier van de leerling.",
    en: "Stopped. Nothing was saved to the pupil's record.",
  },
  notSkippable: { nl: "Deze stap kun je niet overslaan.", en: "This step cannot be skipped." },
  confirmOrEdit: {
    nl: "Deze stap is al ingevuld. Typ **ok** om verder te gaan, of **wijzig <nummer>** om een antwoord te veranderen.",
    en: "This step is already filled in. Type **ok** to continue, or **edit <number>** to change an answer.",
  },
  abandoned: {
    nl: "Het gesprek waar je mee bezig was kan niet verder (de leerling staat niet meer in je groep). Het is gestopt.",
    en: "The dialog you were in cannot continue (the pupil is no longer in your group). It has been stopped.",
  },
  controlWord(text: string): Exclude<DialogAction, "submit"> | null {
    return CONTROL_WORDS[text.trim().toLowerCase()] ?? null;
  },
} satisfies Record<string, LocalizedText | ((text: string) => unknown)>;

// The typed commands, Dutch and English. A command is an exact phrase, or a prefix followed by
// an argument ("leerling Sam"). Longer prefixes are tried first ("start gesprek" before "start").
export type CommandId =
  | "help"
  | "myGroup"
  | "pupil"
  | "progress"
  | "setLocaleEn"
  | "setLocaleNl"
  | "prepare"
  | "conversation"
  | "review"
  | "groupConversation"
  | "note"
  | "resume"
  | "overview"
  | "evaluations"
  | "evaluate"
  | "export"
  | "coach"
  | "rounds"
  | "newRound"
  | "editRound"
  | "cancelRound"
  | "plan"
  | "reminders"
  | "pupilExport"
  | "auditTrail"
  | "pupilErase";

interface CommandSpec {
  id: CommandId;
  /** Exact phrases. */
  phrases: string[];
  /** Phrases followed by an argument. */
  prefixes?: string[];
}

export const COMMANDS: CommandSpec[] = [
  { id: "help", phrases: ["help", "hulp", "menu", "?", "start", "hallo", "hoi", "hi", "hello"] },
  { id: "myGroup", phrases: ["mijn groep", "mijn groepen", "groep", "my group", "my groups", "group"] },
  { id: "pupil", phrases: ["leerling", "pupil", "tijdlijn", "timeline"], prefixes: ["leerling", "pupil", "tijdlijn", "timeline"] },
  { id: "progress", phrases: ["voortgang", "progress"] },
  { id: "setLocaleEn", phrases: ["english", "engels", "in english"] },
  { id: "setLocaleNl", phrases: ["nederlands", "dutch", "in het nederlands"] },
  { id: "prepare", phrases: ["voorbereiden", "voorbereiding", "gesprek voorbereiden", "prepare", "preparation"], prefixes: ["voorbereiden", "voorbereiding", "bereid voor", "prepare"] },
  {
    id: "conversation",
    phrases: ["gesprek", "start gesprek", "gesprek starten", "conversation", "start conversation"],
    prefixes: ["start gesprek met", "start gesprek", "gesprek met", "gesprek", "start conversation with", "start conversation", "conversation with", "conversation", "start"],
  },
  { id: "review", phrases: ["leerlingbespreking", "pupil review"], prefixes: ["leerlingbespreking", "pupil review"] },
  { id: "groupConversation", phrases: ["groepsgesprek", "group conversation"], prefixes: ["groepsgesprek", "group conversation"] },
  { id: "note", phrases: ["notitie", "snelle notitie", "note", "quick note"], prefixes: ["notitie", "note"] },
  { id: "resume", phrases: ["verder", "hervat", "doorgaan", "resume", "continue"], prefixes: ["verder met", "verder", "resume", "continue"] },
  { id: "overview", phrases: ["overzicht", "groepsoverzicht", "overview", "group overview"] },
  { id: "evaluations", phrases: ["evaluaties", "evaluaties deze week", "evaluations", "evaluations due"] },
  { id: "evaluate", phrases: ["evalueer", "evalueren", "evaluate"], prefixes: ["evalueer", "evalueren", "evaluate"] },
  { id: "export", phrases: ["export", "exporteer", "kindplan"], prefixes: ["export", "exporteer", "kindplan"] },
  { id: "coach", phrases: ["coach", "vraagcoach", "question coach"], prefixes: ["coach", "vraagcoach"] },
  { id: "rounds", phrases: ["rondes", "ronde", "gespreksrondes", "gespreksronde", "rounds", "round"] },
  { id: "newRound", phrases: ["nieuwe ronde", "ronde maken", "ronde aanmaken", "new round", "create round"] },
  { id: "editRound", phrases: ["ronde wijzigen", "wijzig ronde", "change round", "edit round"], prefixes: ["ronde wijzigen", "wijzig ronde", "change round", "edit round"] },
  { id: "cancelRound", phrases: ["ronde annuleren", "annuleer ronde", "cancel round"], prefixes: ["ronde annuleren", "annuleer ronde", "cancel round"] },
  { id: "plan", phrases: ["plannen", "inplannen", "gesprekken plannen", "plan", "plan conversations", "schedule"] },
  { id: "reminders", phrases: ["herinneringen", "meldingen", "reminders", "notifications"], prefixes: ["herinneringen", "reminders"] },
  // Privacy requests (school admin, privacy officer): bot/chat/commands/privacy-commands.ts.
  { id: "pupilExport", phrases: ["leerling-export", "inzage", "pupil-export", "access export"], prefixes: ["leerling-export", "inzage", "pupil-export", "access export"] },
  { id: "auditTrail", phrases: ["audit", "auditlog", "audit trail"], prefixes: ["audit", "auditlog", "audit trail"] },
  { id: "pupilErase", phrases: ["leerling-wissen", "pupil-erase"], prefixes: ["leerling-wissen", "pupil-erase"] },
];

/** The command a button sends to evaluate one goal; "doel:" cannot be mistaken for a pupil's name. */
export const evaluateGoalCommand = (goalId: string) => `evalueer doel:${goalId}`;

const PREFIXES = COMMANDS.flatMap((spec) => (spec.prefixes ?? []).map((prefix) => ({ id: spec.id, prefix }))).sort(
  (a, b) => b.prefix.length - a.prefix.length,
);

export interface ParsedCommand {
  id: CommandId;
  argument: string;
}

export function parseCommand(text: string): ParsedCommand | null {
  const normalized = text.trim().replace(/\s+/g, " ").replace(/^\//, "");
  const lower = normalized.toLowerCase();
  for (const spec of COMMANDS) {
    if (spec.phrases.includes(lower)) return { id: spec.id, argument: "" };
  }
  for (const { id, prefix } of PREFIXES) {
    if (lower.startsWith(`${prefix} `)) return { id, argument: normalized.slice(prefix.length + 1).trim() };
  }
  return null;
}

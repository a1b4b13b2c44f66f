// The typed commands, Dutch and English. Matching is on the whole lower-cased text or its prefix.
export type CommandId = "help" | "myGroup" | "pupil" | "progress" | "setLocaleEn" | "setLocaleNl";

interface CommandSpec {
  id: CommandId;
  /** Exact phrases. */
  phrases: string[];
  /** Phrases followed by an argument ("leerling Sam"). */
  prefixes?: string[];
}

const COMMANDS: CommandSpec[] = [
  { id: "help", phrases: ["help", "hulp", "menu", "?", "start", "hallo", "hoi", "hi", "hello"] },
  { id: "myGroup", phrases: ["mijn groep", "mijn groepen", "groep", "my group", "my groups", "group"] },
  { id: "pupil", phrases: ["leerling", "pupil"], prefixes: ["leerling", "pupil", "tijdlijn", "timeline"] },
  { id: "progress", phrases: ["voortgang", "progress"] },
  { id: "setLocaleEn", phrases: ["english", "engels", "in english"] },
  { id: "setLocaleNl", phrases: ["nederlands", "dutch", "in het nederlands"] },
];

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
  for (const spec of COMMANDS) {
    for (const prefix of spec.prefixes ?? []) {
      if (lower.startsWith(`${prefix} `)) return { id: spec.id, argument: normalized.slice(prefix.length + 1).trim() };
    }
  }
  return null;
}

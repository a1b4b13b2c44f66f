// From what arrived to a command and its input: typed text is matched on the table's phrases;
// a button's typed action is checked against the table and the command's argument schema.
import type { CommandAction } from "../../channel/types.js";
import { checkActionArgs } from "../../domain/actions.js";
import type { CommandInput } from "./context.js";
import { COMMANDS, commandById, type CommandSpec } from "./table.js";

export interface ParsedCommand {
  spec: CommandSpec;
  input: CommandInput;
}

// Longer prefixes first: "start gesprek" before "start".
const PREFIXES = COMMANDS.flatMap((spec: CommandSpec) => (spec.prefixes ?? []).map((prefix) => ({ spec, prefix }))).sort(
  (a, b) => b.prefix.length - a.prefix.length,
);

export function parseTypedCommand(text: string): ParsedCommand | null {
  const normalized = text.trim().replace(/\s+/g, " ").replace(/^\//, "");
  const lower = normalized.toLowerCase();
  for (const spec of COMMANDS as readonly CommandSpec[]) {
    if (spec.phrases.includes(lower)) return { spec, input: { text: "", args: {} } };
  }
  for (const { spec, prefix } of PREFIXES) {
    if (lower.startsWith(`${prefix} `)) return legacyButton(spec, normalized.slice(prefix.length + 1).trim());
  }
  return null;
}

/**
 * Buttons sent before actions were typed carried their ids in the text ("voorbereiden id:…",
 * "evalueer doel:…"); teachers still have those messages in their chats, so they keep working.
 */
function legacyButton(spec: CommandSpec, argument: string): ParsedCommand {
  const goal = spec.id === "evaluate" ? /^(?:doel|goal):(\S+)$/i.exec(argument)?.[1] : undefined;
  if (goal) return { spec, input: { text: "", args: { goalId: goal } } };
  const id = /^id:([^\s:]+)\s*(?::\s*([\s\S]*))?$/.exec(argument);
  if (!id) return { spec, input: { text: argument, args: {} } };
  const key = { groupConversation: "groupId", resume: "sessionId", editRound: "roundId", cancelRound: "roundId" }[spec.id] ?? "pupilId";
  return { spec, input: { text: "", args: { [key]: id[1]!, ...(spec.id === "note" && id[2] ? { text: id[2] } : {}) } } };
}

/** A pressed button: null when its command is unknown or its arguments do not fit the command. */
export function parseAction(action: CommandAction): ParsedCommand | null {
  const spec = commandById(action.command);
  const args = spec ? checkActionArgs(action) : null;
  return spec && args ? { spec, input: { text: "", args } } : null;
}

// A button's typed action on the wire: JSON in a Slack button value or a Teams choice value, an
// object in Teams' Action.Submit data. Only the shape is checked here; the core checks the command
// id, the arguments and the caller's rights. Buttons sent before actions were typed carried a
// command as text: those still arrive from teachers' older messages and are passed on as text.
import { z } from "zod";
import type { CommandAction, InboundTurn } from "../../bot/channel/types.js";

export const ActionShape = z.object({
  command: z.string().regex(/^[A-Za-z.]{1,50}$/),
  args: z
    .record(z.string().max(40), z.string().max(4000))
    .refine((args) => Object.keys(args).length <= 8)
    .optional(),
});

/** What an unreadable button is passed on as: an unknown command, which the core answers politely. */
export const UNREADABLE_BUTTON: Pick<InboundTurn, "action" | "text"> = { text: "", action: { command: "" } };

export function encodeAction(action: CommandAction): string {
  return JSON.stringify(action);
}

/** What a pressed button asks for: a typed action, legacy command text, or null when unreadable. */
export function decodeButtonValue(value: unknown): Pick<InboundTurn, "action" | "text" | "isCommand"> | null {
  if (typeof value === "object" && value !== null) {
    const parsed = ActionShape.safeParse(value);
    return parsed.success ? { text: "", action: parsed.data } : null;
  }
  if (typeof value !== "string" || value.length === 0) return null;
  if (value.startsWith("{")) {
    try {
      return decodeButtonValue(JSON.parse(value) as unknown);
    } catch {
      return null;
    }
  }
  return { text: value.slice(0, 200), isCommand: true };
}

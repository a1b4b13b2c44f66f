// The local adapter: a chat with the bot in a terminal, through the same core as Teams and Slack.
// Input and output are injected streams, so tests drive it exactly as a person would.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, ChannelUser, ReplyAction } from "../../bot/chat/types.js";

export interface TerminalChatOptions {
  core: BotCore;
  user: ChannelUser;
  input: Readable;
  output: Writable;
  /** ANSI bold for **text**; off when the output is not a terminal. */
  color?: boolean;
  prompt?: string;
}

export function renderForTerminal(reply: BotReply, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const text = reply.text.replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => bold(inner));
  const actions = (reply.actions ?? []).map((a, i) => `  [${i + 1}] ${a.label}`);
  return [text, ...actions].join("\n");
}

export class TerminalChat {
  /** The buttons of the last reply: typing their number sends their command. */
  private actions: ReplyAction[] = [];

  constructor(private readonly options: TerminalChatOptions) {}

  /** Resolves when the input ends (Ctrl-D, end of a piped file) or the user types "exit". */
  async run(): Promise<void> {
    const { input, output, prompt = "> " } = this.options;
    const lines = createInterface({ input, terminal: false });
    output.write(prompt);
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === "exit" || line === "quit" || line === "stop") break;
      if (line) await this.send(line);
      output.write(prompt);
    }
    output.write("\n");
  }

  async send(line: string): Promise<string> {
    const choice = /^\d+$/.test(line) ? this.actions[Number(line) - 1] : undefined;
    const text = choice ? choice.command : line;
    const result = await this.options.core.handleTurn({ user: this.options.user, text });
    this.actions = result.replies.flatMap((r) => r.actions ?? []);
    const rendered = result.replies.map((r) => renderForTerminal(r, this.options.color ?? false)).join("\n\n");
    this.options.output.write(`${rendered}\n`);
    return rendered;
  }
}

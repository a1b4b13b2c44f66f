// The local adapter: a chat with the bot in a terminal, through the same core as Teams and Slack.
// Input and output are injected streams, so tests drive it exactly as a person would.
import { rmSync, writeFileSync } from "node:fs";
import { makeFolders } from "../../bot/files/make-folders.js";
import path from "node:path";
import { createInterface } from "node:readline";
import { renderStepText } from "../../dialogs/render/text.js";
import { attachmentBytes } from "../../bot/exports/attachment.js";
import type { Readable, Writable } from "node:stream";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, ChannelUser, ReplyAction, TurnResult } from "../../bot/channel/types.js";

export interface TerminalChatOptions {
  core: BotCore;
  user: ChannelUser;
  input: Readable;
  output: Writable;
  /** ANSI bold for **text**; off when the output is not a terminal. */
  color?: boolean;
  prompt?: string;
  /** Where files the bot offers (exports, invitations) are written; without it they are not saved. */
  exportDir?: string;
}

/** `firstAction` null: the buttons are shown unnumbered (a step's numbers are its answers). */
function renderForTerminal(reply: BotReply, color: boolean, firstAction: number | null = 1): string {
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const body = [reply.text, reply.step ? renderStepText(reply.step) : ""].filter(Boolean).join("\n");
  const text = body.replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => bold(inner));
  const actions = (reply.actions ?? []).map((a, i) => (firstAction === null ? `  · ${a.label}` : `  [${i + firstAction}] ${a.label}`));
  return [text, ...actions].join("\n");
}

export class TerminalChat {
  /** The buttons of the last reply: typing their number sends their command. */
  private actions: ReplyAction[] = [];

  constructor(private readonly options: TerminalChatOptions) {}

  /** Resolves when the input ends (Ctrl-D, end of a piped file) or the user types "exit". */
  async run(): Promise<void> {
    const { input, output, prompt = "> " } = this.options;
    this.show(await this.options.core.welcome(this.options.user));
    const lines = createInterface({ input, terminal: false });
    output.write(prompt);
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === "exit" || line === "quit") break;
      if (line) await this.send(line);
      output.write(prompt);
    }
    output.write("\n");
  }

  async send(line: string): Promise<string> {
    // A number picks a button of the last reply; in a dialog step, numbers are answers.
    const choice = /^\d+$/.test(line) ? this.actions[Number(line) - 1] : undefined;
    const result = await this.options.core.handleTurn(
      choice ? { user: this.options.user, text: "", action: choice.action } : { user: this.options.user, text: line },
    );
    return this.show(result);
  }

  /** Prints a turn's replies; their buttons become the numbered choices for the next line. */
  private show(result: TurnResult): string {
    this.actions = [];
    const parts: string[] = [];
    // While a step asks a question, a typed number answers it: buttons beside the step (an offer
    // to print picture cards) are shown, not numbered; their command can be typed.
    const asking = result.replies.some((r) => r.step);
    for (const reply of result.replies) {
      parts.push(renderForTerminal(reply, this.options.color ?? false, asking ? null : this.actions.length + 1));
      if (!asking) this.actions.push(...(reply.actions ?? []));
      for (const file of reply.attachments ?? []) parts.push(this.save(file.filename, attachmentBytes(file)));
    }
    const rendered = parts.filter(Boolean).join("\n\n");
    this.options.output.write(`${rendered}\n`);
    return rendered;
  }

  private save(filename: string, content: Buffer): string {
    if (!this.options.exportDir) return `(${filename})`;
    // Its owner's only, like the files in it: they hold pupil records.
    makeFolders(this.options.exportDir, 0o700);
    const file = path.join(this.options.exportDir, path.basename(filename));
    // Exports hold pupil records: a new file, its owner's only (the mode applies only on creation).
    rmSync(file, { force: true });
    writeFileSync(file, content, { mode: 0o600, flag: "wx" });
    return `→ ${file}`;
  }
}

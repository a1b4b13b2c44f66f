// Turns what the dialog engine did into replies.
import type { EngineResult } from "./engine.js";
import type { BotReply } from "../../bot/channel/types.js";
import { dialogReplyButton } from "../../bot/domain/actions.js";
import { translate } from "../../bot/i18n/translate.js";
import type { StepView } from "./types.js";

/**
 * Help inside a dialog. A numbered card (compact step) is answered differently from one question
 * at a time, so its help says how: "nummer: woorden", lines without a number, klaar, and only the
 * control words that apply on it (no skip, no "wijzig": a numbered line changes a box).
 */
function helpText(view: StepView): string {
  if (!view.compact) return translate(view.locale, "help.inDialog");
  const commands = [
    ...(view.actions.back ? [translate(view.locale, "short.help.command.back")] : []),
    translate(view.locale, "short.help.command.pause"),
    translate(view.locale, "short.help.command.cancel"),
  ];
  return translate(view.locale, "short.help.card", { commands: commands.join(", ") });
}

export function repliesFor(result: EngineResult): BotReply[] {
  const replies = resultReplies(result);
  return result.handBack === undefined ? replies : [{ text: result.handBack }, ...replies];
}

function resultReplies(result: EngineResult): BotReply[] {
  switch (result.kind) {
    case "step": {
      const step: BotReply = { text: "", step: result.view, ...(result.answered ? { answered: result.answered } : {}) };
      return result.notice ? [{ text: result.notice }, step] : [step];
    }
    case "completed":
      return [
        {
          text: result.completion.text,
          ...(result.answered ? { answered: result.answered } : {}),
          ...(result.completion.attachments?.length ? { attachments: result.completion.attachments } : {}),
          ...(result.completion.actions?.length ? { actions: result.completion.actions } : {}),
        },
      ];
    case "help":
      return [{ text: helpText(result.view) }, { text: "", step: result.view }];
    case "resume":
      return [{ text: "", step: result.view }];
    case "stale":
      return result.view ? [{ text: result.text }, { text: "", step: result.view }] : [{ text: result.text }];
    case "question":
      return [{ text: result.text, actions: result.buttons.map((b) => dialogReplyButton(b.label, result.sessionId, b.choice)) }];
    // The guide runs the command; the dialog itself has nothing to say.
    case "command":
      return [];
    case "paused":
    case "cancelled":
    case "refused":
      return [{ text: result.text }];
  }
}

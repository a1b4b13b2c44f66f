// Turns what the dialog engine did into replies.
import type { EngineResult } from "./engine.js";
import type { BotReply } from "../../bot/channel/types.js";
import { dialogReplyButton } from "../../bot/domain/actions.js";
import { translate } from "../../bot/i18n/translate.js";

export function repliesFor(result: EngineResult): BotReply[] {
  switch (result.kind) {
    case "step":
      return [{ text: "", step: result.view, ...(result.answered ? { answered: result.answered } : {}) }];
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
      return [{ text: translate(result.view.locale, "help.inDialog") }, { text: "", step: result.view }];
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

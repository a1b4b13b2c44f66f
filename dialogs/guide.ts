// The dialog engine behind the core's DialogGuide port: what the turn pipeline and the commands
// may ask of a dialog, with the engine's results turned into channel-neutral replies.
import type { DialogGuide, GuideResult } from "../bot/guide/dialog-guide.js";
import type { Db } from "../bot/db/client.js";
import { translate } from "../bot/i18n/translate.js";
import { FLOWS } from "./flows/index.js";
import { DialogEngine, type EngineResult } from "./engine/engine.js";
import { repliesFor } from "./engine/replies.js";

export interface GuideDeps {
  db: Db;
  /** A fake clock in tests; the real time when absent. */
  clock?: () => Date;
}

const EDIT = /^(wijzig|edit|verander|change)\s+(\d+)$/;

/** An engine result as the turn pipeline sees it; a confirmed command is handed back to run. */
function guided(result: EngineResult): GuideResult {
  return { route: `dialog.${result.kind}`, replies: repliesFor(result), ...(result.kind === "command" ? { command: result.text } : {}) };
}

export function createDialogGuide({ db, clock }: GuideDeps): DialogGuide {
  const engine = new DialogEngine({ db, flows: FLOWS, ...(clock ? { clock } : {}) });
  return {
    async hasActive(actor) {
      return (await engine.activeSession(actor)) !== null;
    },
    async submit(actor, submission, preloaded) {
      return guided(await engine.submit(actor, submission, preloaded));
    },
    async typed(actor, text, options = {}) {
      const active = await engine.activeSession(actor);
      if (!active) return null;
      // A reply to the question the dialog just asked comes before everything else.
      const replied = await engine.replyToQuestion(actor, active, text);
      if ("result" in replied) return guided(replied.result);
      const session = replied.session;
      // The text a dropped "did you mean the command?" asked about comes back first, to copy.
      const handBack = (routed: GuideResult): GuideResult =>
        replied.dropped === undefined
          ? routed
          : { ...routed, replies: [{ text: translate(actor.locale, "engine.commandDropped", { text: replied.dropped }) }, ...routed.replies] };
      const edit = EDIT.exec(text.trim().toLowerCase());
      if (edit) {
        const result = await engine.reopenField(actor, Number(edit[2]), session);
        return result ? handBack({ route: "dialog.edit", replies: repliesFor(result) }) : null;
      }
      const result = await engine.answerText(actor, text, options, session);
      return result ? handBack(guided(result)) : null;
    },
    async reply(actor, reply) {
      return guided(await engine.answerQuestion(actor, reply.sessionId, reply.choice));
    },
    async start(actor, kind, subject, answers) {
      return repliesFor(await engine.start(actor, kind, subject, answers));
    },
    async resume(actor, sessionId) {
      return repliesFor(await engine.resume(actor, sessionId));
    },
    async abandonActive(actor) {
      const given = (await engine.abandonActive(actor)) ?? [];
      const notice = translate(actor.locale, "engine.abandoned");
      if (given.length === 0) return { text: notice };
      return { text: [notice, translate(actor.locale, "engine.abandonedWords"), ...given.map((w) => `• ${w}`)].join("\n") };
    },
  };
}

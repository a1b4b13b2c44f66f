// The dialog engine behind the core's DialogGuide port: what the turn pipeline and the commands
// may ask of a dialog, with the engine's results turned into channel-neutral replies.
import type { Actor } from "../bot/auth/actor.js";
import type { DialogGuide } from "../bot/guide/dialog-guide.js";
import type { Db } from "../bot/db/client.js";
import { translate, translatorFor } from "../bot/i18n/translate.js";
import { FLOWS } from "./flows/index.js";
import { DialogEngine } from "./engine/engine.js";
import { repliesFor } from "./engine/replies.js";

export interface GuideDeps {
  db: Db;
  /** A fake clock in tests; the real time when absent. */
  clock?: () => Date;
}

const HELP_WORDS = new Set(["help", "hulp", "?"]);
/** "verder" (the resume command) while the dialog is open: show where we are; never an answer. */
const RESUME_WORDS = new Set(["verder", "hervat", "doorgaan", "resume", "continue"]);
const EDIT = /^(wijzig|edit|verander|change)\s+(\d+)$/;

export function createDialogGuide({ db, clock }: GuideDeps): DialogGuide {
  const engine = new DialogEngine({ db, flows: FLOWS, ...(clock ? { clock } : {}) });
  const currentStep = async (actor: Actor) => engine.resume(actor, (await engine.activeSession(actor))!.id);
  return {
    async hasActive(actor) {
      return (await engine.activeSession(actor)) !== null;
    },
    async submit(actor, submission, preloaded) {
      const result = await engine.submit(actor, submission, preloaded);
      return { route: `dialog.${result.kind}`, replies: repliesFor(result) };
    },
    async typed(actor, text) {
      const trimmed = text.trim().toLowerCase();
      if (HELP_WORDS.has(trimmed)) {
        return { route: "dialog.help", replies: [{ text: translatorFor(actor.locale)("help.inDialog") }, ...repliesFor(await currentStep(actor))] };
      }
      if (RESUME_WORDS.has(trimmed)) return { route: "dialog.resume", replies: repliesFor(await currentStep(actor)) };
      const edit = EDIT.exec(trimmed);
      if (edit) {
        const result = await engine.reopenField(actor, Number(edit[2]));
        return result ? { route: "dialog.edit", replies: repliesFor(result) } : null;
      }
      const result = await engine.answerText(actor, text);
      return result ? { route: `dialog.${result.kind}`, replies: repliesFor(result) } : null;
    },
    async start(actor, kind, subject, answers) {
      return repliesFor(await engine.start(actor, kind, subject, answers));
    },
    async resume(actor, sessionId) {
      return repliesFor(await engine.resume(actor, sessionId));
    },
    async abandonActive(actor) {
      await engine.abandonActive(actor);
      return { text: translate(actor.locale, "engine.abandoned") };
    },
  };
}

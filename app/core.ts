// The core with the guided dialogs wired in: the one place (with start-app.ts) that knows both the
// core (bot/) and the dialogs layer (dialogs/), so neither has to import the other's insides.
import { createBotCore, type BotCore, type BotCoreDeps } from "../bot/chat/handle-turn.js";
import { createDialogGuide } from "../dialogs/guide.js";

export type CoreDeps = Omit<BotCoreDeps, "guide">;

export function createCore(deps: CoreDeps): BotCore {
  return createBotCore({ ...deps, guide: createDialogGuide({ db: deps.db, ...(deps.clock ? { clock: deps.clock } : {}) }) });
}

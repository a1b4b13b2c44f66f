import type { FlowKind } from "../../bot/guide/dialog-guide.js";
import type { DialogFlow } from "../engine/flow.js";
import { conversationFlow } from "./conversation.js";
import { evaluateFlow } from "./evaluate.js";
import { noteFlow } from "./note.js";
import { planFlow } from "./plan.js";
import { roundFlow } from "./round.js";
import { prepareFlow } from "./prepare.js";

export { CONVERSATION } from "./conversation.js";
export { EVALUATE } from "./evaluate.js";
export { NOTE } from "./note.js";
export { PREPARE } from "./prepare.js";

export const FLOWS: Record<FlowKind, DialogFlow> = {
  prepare: prepareFlow,
  conversation: conversationFlow,
  note: noteFlow,
  round: roundFlow,
  plan: planFlow,
  evaluate: evaluateFlow,
};

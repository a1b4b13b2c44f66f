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

export const FLOWS: Record<string, DialogFlow> = {
  [prepareFlow.kind]: prepareFlow,
  [conversationFlow.kind]: conversationFlow,
  [noteFlow.kind]: noteFlow,
  [roundFlow.kind]: roundFlow,
  [planFlow.kind]: planFlow,
  [evaluateFlow.kind]: evaluateFlow,
};

import type { DialogFlow } from "../engine/flow.js";
import { conversationFlow } from "./conversation.js";
import { noteFlow } from "./note.js";
import { prepareFlow } from "./prepare.js";

export { CONVERSATION } from "./conversation.js";
export { NOTE } from "./note.js";
export { PREPARE } from "./prepare.js";

export const FLOWS: Record<string, DialogFlow> = {
  [prepareFlow.kind]: prepareFlow,
  [conversationFlow.kind]: conversationFlow,
  [noteFlow.kind]: noteFlow,
};

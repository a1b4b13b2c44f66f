// Adaptive Card (schema 1.5) rendering of a dialog step for Microsoft Teams, and the parsing of
// what Teams sends back when an Action.Submit on such a card is pressed. Pure: no I/O.
// One module per part, under ./adaptive-card/; this file is the renderer's public face.
export * from "./schema.js";
export { cardByteSize, renderStepCard } from "./step-card.js";
export { parseCardSubmission } from "./parse.js";

// Slack Block Kit rendering of a dialog step: a modal (every field kind), a DM message (choices,
// dates and times as interactive elements; a button opening the modal for text), and the
// parsing of what Slack sends back. Pure: no I/O, no Slack SDK types (they stay in the adapter).
// One module per part, under ./block-kit/; this file is the renderer's public face.
export * from "./schema.js";
export { renderStepModal, modalErrors } from "./modal.js";
export { renderStepMessage } from "./message.js";
export { parseBlockAction, parseModalSubmission, parseStepToken, readModalState } from "./parse.js";
export { FIELD_ACTION_PREFIX, OPEN_MODAL_ACTION_ID, STEP_ACTION_PREFIX } from "./step-blocks.js";
export { chunkText, escapeMrkdwn, truncate } from "./text.js";

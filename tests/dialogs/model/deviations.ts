// While a reported engine bug waits for its fix, a run can model the engine as it is, to hunt for
// other bugs: GW_MODEL_ACCEPT=<name>,<name>. Without it the model holds the engine to its semantics.
export const ACCEPTED = new Set((process.env.GW_MODEL_ACCEPT ?? "").split(",").filter(Boolean));

/** "help"/"hulp" typed where the field asked has an option of that name shows help (not the answer). */
export const HELP_BEATS_OPTION = ACCEPTED.has("help-option");

/** "ja", "klaar", "volgende" … typed while a field is being changed (or shows a default) keep it, as "ok" does. */
export const CONFIRM_KEEPS = ACCEPTED.has("confirm-keeps");

// What Teams sends when an Action.Submit on a step card is pressed, as a Submission. Untrusted:
// the shape is checked with zod here, and the engine validates the values again.
import { z } from "zod";
import { SubmissionSchema, type Submission } from "../../engine/types.js";
import { INPUT_PREFIX } from "./step-card.js";

const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const StepData = z.looseObject({ gw: z.literal("step") });

/**
 * Reads the `value` of a Teams Action.Submit activity: the action's `data` merged with the
 * inputs' values keyed `f_<fieldId>`. An `msteams` member (Teams' own wrapping) is ignored.
 * Returns null for anything that is not a well-formed step submission. Values are passed on as
 * Teams sent them (strings; a multi-select as "a,b"): the engine parses them.
 */
export function parseCardSubmission(input: unknown): Submission | null {
  const data = StepData.safeParse(input);
  if (!data.success) return null;
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data.data)) {
    if (!key.startsWith(INPUT_PREFIX)) continue;
    const fieldId = key.slice(INPUT_PREFIX.length);
    if (FIELD_ID.test(fieldId)) values[fieldId] = value;
  }
  // Teams leaves emptied inputs out: a field listed on submit but absent was cleared.
  if (data.data.action === "submit" && Array.isArray(data.data.fields)) {
    for (const id of data.data.fields) if (typeof id === "string" && FIELD_ID.test(id) && !(id in values)) values[id] = "";
  }
  const { sessionId, stepId, version, action } = data.data;
  const parsed = SubmissionSchema.safeParse({
    sessionId,
    stepId,
    version: typeof version === "number" || typeof version === "string" ? version : undefined,
    action,
    values,
  });
  return parsed.success ? parsed.data : null;
}

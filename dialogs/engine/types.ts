// The vocabulary of guided dialogs. A dialog is a list of steps; a step asks one or more fields.
// Definitions carry texts in both languages; a StepView is one step resolved for one user and
// is all a renderer (text, Adaptive Card, Block Kit) needs.
import { z } from "zod";
import type { FieldValue, FieldView, StepView } from "../../bot/channel/types.js";
import { ChoiceOption, FieldDefinition, FieldKind, LocalizedText, OwnershipSkill, type FieldDefinitionInput } from "../../bot/formats/fields.js";

// Defined once elsewhere, re-exported for the engine's own files: the step a renderer sees is
// channel-neutral (bot/channel/types.ts); field definitions are part of the format data (bot/formats).
export type { FieldValue, FieldView, StepView, FieldDefinitionInput };
export { ChoiceOption, FieldDefinition, FieldKind, LocalizedText, OwnershipSkill };

export interface FieldError {
  /** Null for an error about the step as a whole. */
  fieldId: string | null;
  message: LocalizedText;
}

export interface StepDefinition {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  /** Short coaching tips shown with the step. */
  tips?: LocalizedText[];
  /** Read-only lines computed for this user (e.g. the pupil's previous goals); already localized. */
  info?: string[];
  fields: FieldDefinition[];
  /**
   * A step of many fields answered at once (the short conversation's cards): text mode shows all
   * its questions numbered and takes "2: …" lines and "klaar", instead of one question at a time.
   */
  compact?: boolean;
  /** Whether the teacher may skip this step without answering its required fields. */
  skippable?: boolean;
  /** Checks across fields or on meaning (SMART agreements), after each field parsed. */
  validate?: (values: Record<string, FieldValue>) => FieldError[];
}

export type DialogAction = "submit" | "back" | "skip" | "pause" | "cancel";

/** What a channel sends back for a step: validated by SubmissionSchema before anything is used. */
export const SubmissionSchema = z.object({
  sessionId: z.string().min(1).max(64),
  stepId: z.string().min(1).max(80),
  version: z.coerce.number().int().min(0),
  action: z.enum(["submit", "back", "skip", "pause", "cancel"]),
  values: z.record(z.string(), z.unknown()).default({}),
});
export type Submission = z.infer<typeof SubmissionSchema>;

// The vocabulary of guided dialogs. A dialog is a list of steps; a step asks one or more fields.
// Definitions carry texts in both languages; a StepView is one step resolved for one user and
// is all a renderer (text, Adaptive Card, Block Kit) needs.
import { z } from "zod";
import { FIELD_KINDS, type FieldValue, type FieldView, type StepView } from "../../bot/channel/types.js";

// The step a renderer sees is channel-neutral (bot/channel/types.ts); re-exported for the engine's own files.
export type { FieldValue, FieldView, StepView };

export const LocalizedText = z.object({ nl: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const FieldKind = z.enum(FIELD_KINDS);
export type FieldKind = z.infer<typeof FieldKind>;

/** Zimmerman's ownership skills, the lens the school uses to judge a conversation. */
export const OwnershipSkill = z.enum(["ownGoals", "selfEvaluation", "selfMonitoring", "selfInstruction"]);
export type OwnershipSkill = z.infer<typeof OwnershipSkill>;

export const ChoiceOption = z.object({
  value: z.string().min(1).max(64),
  label: LocalizedText,
  /** A picture for young pupils (an emoji), shown before the label. */
  icon: z.string().max(8).optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const FieldDefinition = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/).max(40),
  kind: FieldKind,
  label: LocalizedText,
  help: LocalizedText.optional(),
  placeholder: LocalizedText.optional(),
  required: z.boolean().default(false),
  options: z.array(ChoiceOption).max(50).optional(),
  maxLength: z.number().int().positive().max(4000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The pupil decides whether this answer may be shared with parents (an extra yes/no). */
  shareable: z.boolean().default(false),
  /** Ownership skills this answer gives evidence of when it is filled in. */
  skills: z.array(OwnershipSkill).default([]),
  /** Run the question coach on each line of the answer (planned questions). */
  coach: z.boolean().default(false),
  /** Pre-filled until answered (e.g. the school's default format); accepted as the answer as is. */
  defaultValue: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;
export type FieldDefinitionInput = z.input<typeof FieldDefinition>;

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

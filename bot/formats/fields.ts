// The fields a format or a flow asks, as data: validated by zod when a format is loaded, in Dutch
// and English. The dialog engine resolves them into the channel-neutral FieldView.
import { z } from "zod";
import { FIELD_KINDS } from "../channel/types.js";

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
  /** Words a teacher may type for this option besides its label ("nee" for "Nog niet"); they win over partial matches. */
  aliases: z.array(z.string().min(1).max(40)).max(10).optional(),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

export const FieldDefinition = z.object({
  id: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .max(40),
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

/** A shareable field's companion yes/no ("may this be shared with parents?") is stored under this suffix. */
export const SHARE_SUFFIX = "__share";

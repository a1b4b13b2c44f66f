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

/** A shareable field's companion yes/no ("may parents read this?") is stored under this suffix. */
export const SHARE_SUFFIX = "__share";

/**
 * How long a typed answer may be, by kind, when a field names no limit of its own. 3000 is the most
 * Slack's plain_text_input can hold (max_length ≤ 3000), so every channel carries every answer in
 * full: the one limit is checked by the core and shown by every renderer. About 450 words for a
 * long answer, 150 for a short one: room for a child's own words, never a reason to cut them.
 */
export const TEXT_LIMITS = { shortText: 1000, longText: 3000 } as const;
/** No field may allow more than every channel can carry. */
export const MAX_TEXT_LIMIT = 3000;

const FieldId = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
  .max(40)
  .refine((id) => !id.endsWith(SHARE_SUFFIX), `a field id may not end in ${SHARE_SUFFIX} (reserved for the share question)`);

export const FieldDefinition = z.object({
  id: FieldId,
  kind: FieldKind,
  label: LocalizedText,
  help: LocalizedText.optional(),
  placeholder: LocalizedText.optional(),
  required: z.boolean().default(false),
  options: z.array(ChoiceOption).max(50).optional(),
  /**
   * At most this many characters (text fields); default TEXT_LIMITS by kind. Up to 4000 is read so
   * that stored definitions still load, but no more than MAX_TEXT_LIMIT is ever allowed (textLimit),
   * and a new format may not ask for more (registry.addSchoolFormat).
   */
  maxLength: z.number().int().positive().max(4000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** A number field's unit: "minutes" takes a typed "15 min" as 15 (and "4 min" is not taken as 4 weeks elsewhere). */
  unit: z.literal("minutes").optional(),
  /** The pupil decides whether this answer may be shared with parents (an extra yes/no). */
  shareable: z.boolean().default(false),
  /**
   * This field belongs to the shareable item with this id (same step): the pupil's own
   * explanation of it, or another part of it. The item's one share question comes after the
   * item and all that belongs to it, and covers them all, in the export too.
   */
  explains: FieldId.optional(),
  /** Ownership skills this answer gives evidence of when it is filled in. */
  skills: z.array(OwnershipSkill).default([]),
  /** Run the question coach on each line of the answer (planned questions). */
  coach: z.boolean().default(false),
  /** The answer states an onderwijsbehoefte (what helps this pupil learn): listed for the groepsplan. */
  educationalNeed: z.boolean().default(false),
  /** The pupil's own words for what they want to learn: pre-filled as the plan's first goal, so it is not typed twice. */
  suggestsGoal: z.boolean().optional(),
  /** Pre-filled until answered (e.g. the school's default format); accepted as the answer as is. */
  defaultValue: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;
export type FieldDefinitionInput = z.input<typeof FieldDefinition>;

/** The one length limit of a text field, the same in the core and in every channel. */
export function textLimit(field: Pick<FieldDefinition, "kind" | "maxLength">): number {
  const kind = field.kind === "longText" ? "longText" : "shortText";
  return Math.min(field.maxLength ?? TEXT_LIMITS[kind], MAX_TEXT_LIMIT);
}

// A conversation format as data: validated when loaded, versioned, Dutch and English.
// Phases hold sections; each section becomes one step of the conversation dialog.
import { z } from "zod";
import { Bouw } from "../domain/vocabulary.js";
import { FieldDefinition, LocalizedText } from "./fields.js";

export const FormatSection = z.object({
  id: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_]*$/)
    .max(40),
  title: LocalizedText,
  /** What this part of the conversation is for, in a sentence. */
  intro: LocalizedText.optional(),
  /** Example questions the teacher can ask (open questions, written for the pupil's age). */
  exampleQuestions: z.array(LocalizedText).max(8).default([]),
  /** Craft tips shown at this moment (open questions, follow up, summarise, no unasked advice…). */
  tips: z.array(LocalizedText).max(4).default([]),
  /** Example questions for the parents, when they take part (withParents). Absent in older formats. */
  parentQuestions: z.array(LocalizedText).max(5).optional(),
  fields: z.array(FieldDefinition).min(1).max(8),
  skippable: z.boolean().default(true),
});
export type FormatSection = z.infer<typeof FormatSection>;

export const FormatPhase = z.object({
  id: z.enum(["voorbereiding", "introductie", "romp", "afronding"]).or(z.string().regex(/^[a-z][a-z0-9_]*$/)),
  title: LocalizedText,
  sections: z.array(FormatSection).min(1).max(12),
});

export const ConversationFormat = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(40),
    version: z.number().int().min(1),
    name: LocalizedText,
    description: LocalizedText,
    /** The bouwen this format is written for (used to suggest it). */
    audience: z.array(Bouw).min(1),
    /** Who the conversation is with. */
    subject: z.enum(["pupil", "group", "colleague"]).default("pupil"),
    /** Quick use in the moment (onderbouw): no planning, few steps. */
    quick: z.boolean().default(false),
    /** Offer the pupil a preparation form (bovenbouw). */
    pupilPreparation: z.boolean().default(false),
    /** Questions the pupil can think about beforehand, for the preparation form. */
    pupilQuestions: z.array(LocalizedText).max(10).default([]),
    phases: z.array(FormatPhase).min(1).max(6),
    /** Whether the conversation closes with the kindplan: goals, agreements, evaluation plan. */
    closeWithPlan: z.boolean().default(true),
    /**
     * The parents take part (the driehoeksgesprek): what is said is said at the table with them, so
     * there are no share questions, the agreements suggest parents as owners and the parents get a
     * summary. Optional rather than defaulted, so older formats' stored definitions stay byte-equal.
     */
    withParents: z.boolean().optional(),
    /**
     * A meeting about the pupil without the pupil (subject colleague, no kindplan): it ends with the
     * educational goal — the sharpened `observableGoal`, an evaluation date and an evaluator.
     */
    closeWithEducationalGoal: z.boolean().default(false),
  })
  .superRefine((format, ctx) => {
    if (format.closeWithEducationalGoal) {
      const sharpened = format.phases.some((p) => p.sections.some((s) => s.fields.some((f) => f.id === "observableGoal")));
      if (format.subject !== "colleague" || format.closeWithPlan || !sharpened) {
        ctx.addIssue({ code: "custom", message: "closeWithEducationalGoal needs subject colleague, no kindplan and an observableGoal field" });
      }
    }
    const ids = new Set<string>();
    for (const phase of format.phases) {
      for (const section of phase.sections) {
        for (const field of section.fields) {
          const id = `${section.id}.${field.id}`;
          if (ids.has(id)) ctx.addIssue({ code: "custom", message: `duplicate field ${id}` });
          ids.add(id);
          if ((field.kind === "singleChoice" || field.kind === "multiChoice") && !field.options?.length) {
            ctx.addIssue({ code: "custom", message: `${id}: a choice field needs options` });
          }
          // With the parents at the table there is nothing to ask the pupil about sharing.
          if (format.withParents && field.shareable) ctx.addIssue({ code: "custom", message: `${id}: a format with parents asks no share questions` });
          if (field.explains !== undefined) {
            const item = section.fields.find((f) => f.id === field.explains);
            // The explanation is covered by its item's one share question, so it has none of its own.
            if (!item || item === field || !item.shareable || field.shareable) {
              ctx.addIssue({ code: "custom", message: `${id}: explains must name another, shareable field of the same section, and not be shareable itself` });
            }
          }
        }
        if (ids.has(`section:${section.id}`)) ctx.addIssue({ code: "custom", message: `duplicate section ${section.id}` });
        ids.add(`section:${section.id}`);
      }
    }
  });
export type ConversationFormat = z.infer<typeof ConversationFormat>;
export type ConversationFormatInput = z.input<typeof ConversationFormat>;

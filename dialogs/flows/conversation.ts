// The conversation itself, used while sitting with the pupil (or the group, or the IB'er):
// the phases of the chosen format with tips at the right moment, then the kindplan, then a
// summary to check. Completing it stores the conversation, goals and agreements.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { asSkillActor, deriveSkills, skillLabel } from "../../bot/domain/ownership-skills.js";
import { loadGroupContext, loadPupilContext, recordHeldConversation } from "../../bot/services/conversations.js";
import { getFormat } from "../../bot/formats/registry.js";
import { chosenChoices } from "../../bot/formats/chosen.js";
import { DEFAULT_PICTURE_CARD_FORMAT, pictured } from "../../bot/exports/picture-cards.js";
import type { ConversationFormat, FormatSection } from "../../bot/formats/schema.js";
import type { Answers, DialogFlow, FlowContext, LoadedFlow, SessionSubject } from "../engine/flow.js";
import { SKIPPED } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { field, text } from "./field.js";
import { whoTap } from "./ownership-taps.js";
import { collectAgreements, collectGoals, planSteps } from "./plan-steps.js";
import { evaluatedGoalLine, openGoalLine } from "./evaluate.js";
import { roundEvaluationInterval } from "../../bot/services/rounds.js";
import { loadSchoolDates } from "../../bot/services/school-calendar.js";
import { localized, translate } from "../../bot/i18n/translate.js";
import { conversationModeOf, shortWayFits } from "../../bot/services/conversation-mode.js";
import { buildParentSummary } from "../../bot/services/parent-summary.js";
import { parentSummaryFileBase, parentSummaryPrintable } from "../../bot/exports/parent-summary.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import type { Tx } from "../../bot/db/client.js";
import { followCard, isShortDialog, RECORD, recordAsPlan, shortSteps } from "./conversation-short.js";
import { completeReview, educationalGoalStep, observableGoalErrors, reviewSummaryLines } from "./review-outcome.js";
import { listPupilSupporters } from "../../bot/services/pupil-review.js";

export const CONVERSATION = "conversation";

const sectionStepId = (section: FormatSection) => `s_${section.id}`;

/** The first answered field marked `suggestsGoal`: the pupil's own words, offered as goal 1. */
function suggestedGoal(format: ConversationFormat, answers: Answers): string | undefined {
  for (const section of format.phases.flatMap((p) => p.sections)) {
    for (const f of section.fields) {
      const value = f.suggestsGoal ? answers[sectionStepId(section)]?.[f.id] : undefined;
      if (typeof value === "string" && value.trim()) return value.trim();
    }
  }
  return undefined;
}

function sectionStep(section: FormatSection, locale: "nl" | "en", formatKey: string): StepDefinition {
  const examples = [
    ...section.exampleQuestions.map((q) => translate(locale, "conversation.exampleQuestion", { question: q[locale] })),
    ...(section.parentQuestions ?? []).map((q) => translate(locale, "startgesprek.parentQuestion", { question: q[locale] })),
  ];
  // A step where the child points at pictures says where the printable cards are.
  // The command names this format's cards, unless they are the default set plain "plaatjes" gives.
  if (section.fields.some(pictured)) {
    const command =
      formatKey === DEFAULT_PICTURE_CARD_FORMAT ? translate(locale, "pictureCards.command") : `${translate(locale, "pictureCards.command")} ${formatKey}`;
    examples.push(translate(locale, "pictureCards.stepHint", { command }));
  }
  const sharpened = section.fields.some((f) => f.id === "observableGoal");
  return {
    id: sectionStepId(section),
    title: section.title,
    ...(section.intro ? { intro: section.intro } : {}),
    tips: section.tips,
    info: examples,
    fields: section.fields,
    skippable: section.skippable,
    // The leerlingbespreking's goal sharpener: a label or a vague wish is sent back with a
    // concrete, observable rephrasing.
    ...(sharpened ? { validate: (values): FieldError[] => observableGoalErrors(values, "observableGoal") } : {}),
  };
}

interface Subject {
  /** How questions name the pupil (the first name), or the group's name. */
  name: string;
  /** Who it is about in a title or a confirmation: the full name (a class may have two Finns). */
  label: string;
  kind: "pupil" | "group";
  evaluators: { id: string; name: string }[];
  openingInfo: string[];
  hasPrevious: boolean;
  /** Prepared in the preparation dialog: the format's own preparation phase is not repeated. */
  prepared: boolean;
  conversationId: string | null;
  /** The round's evaluation interval, when the conversation belongs to a round. */
  evaluationIntervalDays: number | null;
  /** The pupil's group (or the group itself): whose working days count for an evaluation date. */
  groupId: string | null;
}

async function loadSubject(ctx: FlowContext, subject: SessionSubject, format: ConversationFormat): Promise<Subject> {
  if (subject.pupilId) {
    const p = await loadPupilContext(ctx.db, ctx.actor, subject.pupilId, { preread: ctx.preread });
    // The leerlingbespreking's goal may be evaluated by the pupil's IB'er as well.
    const supporters = format.closeWithEducationalGoal ? await listPupilSupporters(ctx.db, subject.pupilId) : [];
    const evaluators = [...p.evaluators, ...supporters.filter((s) => !p.evaluators.some((e) => e.id === s.id))];
    const info: string[] = [];
    const prep = p.pending ? (JSON.parse(p.pending.preparation) as Answers & { plannedQuestions?: string[] }) : null;
    const aim = prep ? text(prep, "aim", "aim") : null;
    if (aim) info.push(translate(ctx.locale, "conversation.opening.aim", { aim }));
    // What the teacher wanted to come back to, written when preparing.
    const followUp = prep ? text(prep, "previous", "followUp") : null;
    if (followUp) info.push(translate(ctx.locale, "conversation.opening.followUp", { text: followUp }));
    for (const q of prep?.plannedQuestions ?? []) info.push(translate(ctx.locale, "conversation.opening.question", { question: q }));
    for (const a of p.lastAgreements) info.push(translate(ctx.locale, "conversation.opening.agreement", { who: a.who, what: a.what, when: a.whenText }));
    for (const g of p.openGoals) info.push(openGoalLine(g, ctx.locale));
    for (const g of p.evaluatedSinceLast) info.push(evaluatedGoalLine(g, ctx.locale));
    return {
      name: p.pupil.firstName,
      label: `${p.pupil.firstName} ${p.pupil.lastName}`,
      kind: "pupil",
      evaluators,
      openingInfo: info,
      hasPrevious: p.lastAgreements.length > 0 || p.openGoals.length > 0 || p.evaluatedSinceLast.length > 0,
      prepared: p.pending?.preparation !== undefined && p.pending.preparation !== "{}",
      conversationId: subject.conversationId ?? p.pending?.id ?? null,
      evaluationIntervalDays: p.pending?.roundId ? await roundEvaluationInterval(ctx.db, p.pending.roundId) : null,
      groupId: p.group?.id ?? null,
    };
  }
  const g = await loadGroupContext(ctx.db, ctx.actor, subject.groupId!);
  return {
    name: g.group.name,
    label: g.group.name,
    kind: "group",
    evaluators: [],
    openingInfo: [],
    hasPrevious: false,
    prepared: false,
    conversationId: subject.conversationId,
    evaluationIntervalDays: null,
    groupId: g.group.id,
  };
}

function openingStep(subject: Subject, withParents: boolean, pupilPresent: boolean): StepDefinition | null {
  if (subject.openingInfo.length === 0) return null;
  return {
    id: "opening",
    title: localized("conversation.opening.title"),
    intro: localized("conversation.opening.intro"),
    info: subject.openingInfo,
    skippable: true,
    fields: subject.hasPrevious
      ? [
          field({
            id: "previousReview",
            kind: "longText",
            label: localized("conversation.opening.previousReview.label"),
            // With the parents at the table there is nothing to ask about sharing.
            shareable: !withParents,
          }),
          ...(pupilPresent ? [whoTap("lookedBackBy")] : []),
        ]
      : [],
  };
}

function summaryLines(format: ConversationFormat, answers: Answers, locale: "nl" | "en"): string[] {
  const lines: string[] = [];
  for (const goal of collectGoals(answers, format.withParents)) {
    const evaluation = goal.evaluationDate ? translate(locale, "conversation.summary.evaluation", { date: formatLocalDate(goal.evaluationDate, locale) }) : "";
    const shared = goal.shareWithParents ? translate(locale, "conversation.summary.mayBeShared") : "";
    lines.push(translate(locale, "conversation.summary.goal", { goal: goal.goalText, evaluation, shared }));
    if (goal.ownPlan) lines.push(`  ${translate(locale, "conversation.summary.plan", { plan: goal.ownPlan })}`);
  }
  for (const a of collectAgreements(answers, format.withParents))
    lines.push(translate(locale, "agreement.line", { who: a.who, what: a.what, when: a.whenText }));
  // (A short record without goal or agreement has no format parts to count.) What the child
  // chose (a face, picture themes) says more than a count, so it is shown when there is a choice.
  const chosen = chosenChoices(format, answers, locale);
  if (lines.length === 0 && chosen.length) lines.push(translate(locale, "conversation.summary.chosen", { choices: chosen.join("; ") }));
  else if (lines.length === 0 && answers[RECORD] === undefined) {
    const answered = format.phases.flatMap((p) => p.sections).filter((s) => Object.keys(answers[sectionStepId(s)] ?? {}).some((k) => k !== SKIPPED));
    lines.push(translate(locale, "conversation.partsFilled", { count: answered.length }));
  }
  return lines;
}

/** A conversation held with the parents ends with their summary, as it was stored just now. */
async function parentSummaryFiles(ctx: FlowContext & { tx: Tx }, format: ConversationFormat, conversationId: string) {
  if (!format.withParents) return [];
  const summary = await buildParentSummary(ctx.tx, ctx.actor, conversationId, ctx.today);
  return summary ? printableAttachments(parentSummaryPrintable(summary, ctx.locale), parentSummaryFileBase(summary, ctx.locale)) : [];
}

export const conversationFlow: DialogFlow = {
  kind: CONVERSATION,

  async load(ctx, subject): Promise<LoadedFlow> {
    const format = await getFormat(ctx.db, ctx.actor.schoolId, subject.formatKey!, subject.formatVersion);
    const who = await loadSubject(ctx, subject, format);
    const staffIds = [ctx.actor.staffId, ...who.evaluators.map((e) => e.id)];
    const closes = format.closeWithPlan || format.closeWithEducationalGoal;
    const dates = closes ? await loadSchoolDates(ctx.db, ctx.actor, { staffIds, groupId: who.groupId }) : null;
    const l = ctx.locale;
    const fits = dates !== null && who.kind === "pupil" && shortWayFits(format);
    const preferred = fits ? await conversationModeOf(ctx.db, ctx.actor.staffId) : null;
    // Who did what is asked only where the pupil is there to do it.
    const pupilPresent = who.kind === "pupil" && format.subject === "pupil";
    return {
      title: `${format.name[l]} — ${who.label}`,
      follow: followCard,
      steps(answers) {
        if (dates && isShortDialog(answers, preferred, fits)) {
          const { evaluators, evaluationIntervalDays } = who;
          const options = {
            evaluators,
            today: ctx.today,
            forGroup: false,
            pupilPresent: true,
            dates,
            readerStaffId: ctx.actor.staffId,
            evaluationIntervalDays,
          };
          return shortSteps(format, who, answers, options, l);
        }
        const steps: StepDefinition[] = [];
        const opening = openingStep(who, format.withParents === true, pupilPresent);
        if (opening) steps.push(opening);
        for (const phase of format.phases) {
          if (who.prepared && phase.id === "voorbereiding") continue;
          for (const section of phase.sections) steps.push(sectionStep(section, l, format.key));
        }
        if (dates) {
          const forGroup = who.kind === "group";
          const { evaluators, evaluationIntervalDays } = who;
          const parents = format.withParents && !forGroup ? { pupilName: who.name, locale: l } : null;
          const readerStaffId = ctx.actor.staffId;
          const goalSuggestion = suggestedGoal(format, answers);
          const options = { evaluators, today: ctx.today, forGroup, pupilPresent, dates, readerStaffId, evaluationIntervalDays, parents, goalSuggestion };
          if (format.closeWithEducationalGoal) steps.push(educationalGoalStep(answers, options));
          else steps.push(...planSteps(answers, options));
        }
        steps.push({
          id: "confirm",
          title: localized("conversation.confirm.title"),
          intro: localized(
            format.closeWithEducationalGoal ? "review.confirm.intro" : format.withParents ? "startgesprek.confirm.intro" : "conversation.confirm.intro",
          ),
          info: format.closeWithEducationalGoal ? reviewSummaryLines(answers, who.evaluators, l) : summaryLines(format, answers, l),
          fields: [field({ id: "confirmed", kind: "yesNo", label: localized("conversation.confirm.confirmed.label"), required: true })],
          validate: (values) => (values.confirmed === false ? [{ fieldId: "confirmed", message: localized("conversation.confirm.notConfirmed") }] : []),
        });
        return steps;
      },
    };
  },

  async complete(ctx, subject, given) {
    const format = await getFormat(ctx.db, ctx.actor.schoolId, subject.formatKey!, subject.formatVersion);
    const who = await loadSubject(ctx, subject, format);
    if (format.closeWithEducationalGoal && subject.pupilId) {
      return completeReview(ctx, { pupilId: subject.pupilId, name: who.name, format, answers: given, evaluators: who.evaluators });
    }
    // A short record is read as the kindplan's goal 1 and agreement 1; what was typed is stored as typed.
    const answers = given[RECORD] ? { ...given, ...recordAsPlan(given) } : given;
    const goals = collectGoals(answers, format.withParents);
    const agreements = collectAgreements(answers, format.withParents);
    const skills = deriveSkills({ subject: format.subject, goals, lookedBackBy: asSkillActor(answers.opening?.lookedBackBy) });
    const conversationId = await recordHeldConversation(ctx.tx, ctx.actor, {
      pupilId: subject.pupilId,
      groupId: subject.groupId,
      conversationId: who.conversationId,
      formatKey: format.key,
      formatVersion: format.version,
      answers: given,
      skills,
      goals: who.kind === "pupil" ? goals : [],
      agreements: who.kind === "pupil" ? agreements : [],
      heldAt: ctx.now,
    });
    const skillText = skills.length ? skills.map((s) => skillLabel(s, ctx.locale)).join(", ") : translate(ctx.locale, "conversation.skills.none");
    const lines = [
      translate(ctx.locale, "conversation.saved", { name: who.label }),
      ...summaryLines(format, answers, ctx.locale),
      translate(ctx.locale, "conversation.ownership", { skills: skillText }),
    ];
    if (goals.some((g) => g.evaluationDate) && who.kind === "pupil") {
      lines.push(translate(ctx.locale, "conversation.evaluationDateNote"));
    }
    const attachments = who.kind === "pupil" ? await parentSummaryFiles(ctx, format, conversationId) : [];
    if (attachments.length) lines.push(translate(ctx.locale, "startgesprek.summaryReady", { name: who.name }));
    return { text: lines.join("\n"), conversationId, ...(attachments.length ? { attachments } : {}) };
  },
};

// The teacher's preparation: format, reason and aim, when and where, is the pupil ready,
// what to come back to, and the questions to ask — checked by the question coach.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { coachQuestion } from "../../bot/coach/index.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { loadPupilContext, savePreparation } from "../../bot/services/conversations.js";
import { loadSchoolDates } from "../../bot/services/school-calendar.js";
import type { SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import { defaultFormatKey, getFormat, listFormats } from "../../bot/formats/registry.js";
import type { Answers, DialogFlow, LoadedFlow } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { invitationFileBase, renderPupilInvitation } from "../../bot/exports/pupil-invitation.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { bool, field, num, text } from "./field.js";
import { schoolDateErrors } from "./school-date.js";
import { evaluatedGoalLine, openGoalLine } from "./evaluate.js";
import { localized, translate } from "../../bot/i18n/translate.js";

export const PREPARE = "prepare";

/** Questions typed one per line, without list markers. */
function questionLines(raw: string | null): string[] {
  return (raw ?? "")
    .split(/\r?\n/)
    .map((q) => q.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);
}

/** The planned questions, one per line, without list markers. */
export function plannedQuestions(answers: Answers): string[] {
  return questionLines(text(answers, "questions", "questions"));
}

const sameText = (a: string, b: string) => a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The questions a preparation keeps after the coach: a list of several lines replaces them; one
 * line that is the coach's proposal for a question takes that question's place; any other single
 * line is added (a teacher typing her questions one message at a time sends the second one here,
 * and it must not take the place of the first). Nothing typed is lost either way.
 */
export function questionsAfterCoach(answers: Answers): string[] {
  const planned = plannedQuestions(answers);
  const revised = questionLines(text(answers, "coach", "revised"));
  if (revised.length === 0) return planned;
  if (revised.length > 1) return revised;
  const line = revised[0]!;
  if (planned.some((q) => sameText(q, line))) return planned;
  const proposedFor = planned.findIndex((q) => {
    const suggestion = coachQuestion(q).suggestion;
    return suggestion !== null && sameText(suggestion, line);
  });
  return proposedFor >= 0 ? planned.map((q, i) => (i === proposedFor ? line : q)) : [...planned, line];
}

export const prepareFlow: DialogFlow = {
  kind: PREPARE,

  async load(ctx, subject): Promise<LoadedFlow> {
    // The school calendar with the teacher's working days comes along (one round trip on PostgreSQL).
    const pupilContext = await loadPupilContext(ctx.db, ctx.actor, subject.pupilId!, { calendarFor: [ctx.actor.staffId], preread: ctx.preread });
    const { pupil, group, openGoals, lastAgreements, evaluatedSinceLast } = pupilContext;
    // What the pending conversation already holds (a kindgesprek a leerlingbespreking proposed, or an
    // earlier preparation) comes back pre-filled: the reason, the aim and the questions.
    const earlier = JSON.parse(pupilContext.pending?.preparation ?? "{}") as Answers;
    const kept = (stepId: string, fieldId: string) => {
      const value = text(earlier, stepId, fieldId);
      return value ? { defaultValue: value } : {};
    };
    // Kindgesprekken only: a groepsgesprek and a leerlingbespreking (about the pupil, without them) have commands of their own,
    // and preparing one here made a pupil's invitation and then skipped the meeting's own first phase.
    const formats = (await listFormats(ctx.db, ctx.actor.schoolId)).filter((f) => f.subject === "pupil");
    const preferred = group ? await defaultFormatKey(ctx.db, group) : "hgw-kindgesprek";
    const name = `${pupil.firstName} ${pupil.lastName}`;
    // The conversation's date: a school day on which this teacher works (in the pupil's group).
    const dates = await loadSchoolDates(ctx.db, ctx.actor, { staffIds: [ctx.actor.staffId], groupId: group?.id ?? null }, pupilContext.calendar);
    const dateRule: SchoolDateRule = { calendar: dates.calendar, person: dates.people.get(ctx.actor.staffId) };
    const l = ctx.locale;
    const previousLines = [
      ...openGoals.map((g) => openGoalLine(g, l)),
      ...evaluatedSinceLast.map((g) => evaluatedGoalLine(g, l)),
      ...lastAgreements.map((a) => translate(l, "agreement.line", { who: a.who, what: a.what, when: a.whenText })),
    ];

    return {
      title: `${translate(l, "dialog.prepare")} — ${name}`,
      steps(answers: Answers): StepDefinition[] {
        const steps: StepDefinition[] = [
          {
            id: "format",
            title: localized("prepare.format.title"),
            intro: localized("prepare.format.intro"),
            fields: [
              field({
                id: "format",
                kind: "singleChoice",
                label: localized("prepare.format.format.label"),
                required: true,
                defaultValue: preferred,
                options: [...formats].sort((a, b) => (a.key === preferred ? -1 : b.key === preferred ? 1 : 0)).map((f) => ({ value: f.key, label: f.name })),
              }),
            ],
          },
          {
            id: "aim",
            title: localized("prepare.aim.title"),
            tips: [localized("prepare.aim.tip")],
            fields: [
              field({ id: "reason", kind: "longText", label: localized("prepare.aim.reason.label"), required: true, ...kept("aim", "reason") }),
              field({ id: "aim", kind: "longText", label: localized("prepare.aim.aim.label"), required: true, ...kept("aim", "aim") }),
              field({ id: "theme", kind: "shortText", label: localized("prepare.aim.theme.label"), maxLength: 120 }),
            ],
          },
          {
            id: "when",
            title: localized("prepare.when.title"),
            intro: localized("prepare.when.intro"),
            fields: [
              field({ id: "date", kind: "date", label: localized("label.date"), required: true }),
              field({ id: "time", kind: "time", label: localized("label.time"), required: true }),
              field({
                id: "place",
                kind: "shortText",
                label: localized("prepare.when.place.label"),
                maxLength: 120,
                placeholder: localized("prepare.when.place.placeholder"),
              }),
              field({ id: "duration", kind: "number", unit: "minutes", label: localized("prepare.when.duration.label"), min: 3, max: 90 }),
            ],
            validate: (values): FieldError[] => schoolDateErrors(values, "date", dateRule),
          },
          {
            id: "ready",
            title: localized("prepare.ready.title"),
            tips: [localized("prepare.ready.tip")],
            fields: [
              field({ id: "knows", kind: "yesNo", label: localized("prepare.ready.knows.label"), required: true }),
              field({
                id: "prepared",
                kind: "singleChoice",
                label: localized("prepare.ready.prepared.label"),
                required: true,
                options: [
                  { value: "form", label: localized("prepare.ready.prepared.form.label") },
                  { value: "self", label: localized("prepare.ready.prepared.self.label") },
                  // "nee" is "not yet": it would otherwise match inside "Not needed".
                  { value: "not_yet", label: localized("prepare.ready.prepared.not_yet.label"), aliases: ["nee", "no", "niet"] },
                  { value: "not_needed", label: localized("prepare.ready.prepared.not_needed.label") },
                ],
              }),
              field({ id: "invitation", kind: "yesNo", label: localized("prepare.ready.invitation.label") }),
            ],
          },
          {
            id: "previous",
            title: localized("prepare.previous.title"),
            info: previousLines.length ? previousLines : [translate(l, "prepare.previous.none")],
            skippable: true,
            fields: [field({ id: "followUp", kind: "longText", label: localized("prepare.previous.followUp.label") })],
          },
          {
            id: "questions",
            title: localized("prepare.questions.title"),
            intro: localized("prepare.questions.intro"),
            tips: [localized("prepare.questions.tip.open"), localized("prepare.questions.tip.oneAtATime")],
            fields: [
              field({
                id: "questions",
                kind: "longText",
                label: localized("prepare.questions.questions.label"),
                required: true,
                coach: true,
                ...kept("questions", "questions"),
              }),
            ],
          },
        ];
        // The coach step is always there (so the step count does not jump); it speaks once
        // there are questions to look at.
        const questions = plannedQuestions(answers);
        const feedback = questions.map((q) => ({ q, result: coachQuestion(q) })).filter((c) => c.result.flags.length > 0);
        steps.push({
          id: "coach",
          title: localized("prepare.coach.title"),
          // The questions as they stand come first, so she sees what a new list would replace
          // (one line is added instead: questionsAfterCoach).
          info: [
            ...(questions.length ? [translate(l, "prepare.coach.current", { questions: questions.map((q) => `• ${q}`).join("\n") })] : []),
            ...(feedback.length
              ? feedback.map(({ q, result }) =>
                  translate(l, "prepare.coach.feedback", {
                    question: q,
                    flags: result.flags.map((f) => translate(l, `coach.${f}`)).join(", "),
                    suggestion: result.suggestion ?? "",
                  }),
                )
              : [translate(l, "prepare.coach.allOpen")]),
          ],
          skippable: true,
          fields: [
            field({
              id: "revised",
              kind: "longText",
              label: localized("prepare.coach.revised.label"),
            }),
          ],
        });
        return steps;
      },
    };
  },

  async complete(ctx, subject, answers) {
    const pupilContext = await loadPupilContext(ctx.db, ctx.actor, subject.pupilId!);
    const formatKey = text(answers, "format", "format")!;
    const format = await getFormat(ctx.db, ctx.actor.schoolId, formatKey);
    const date = text(answers, "when", "date")!;
    const time = text(answers, "when", "time")!;
    const plannedAt = zonedTimeToUtc(date, time, ctx.actor.timezone);
    const questions = questionsAfterCoach(answers);
    const conversationId = await savePreparation(ctx.tx, ctx.actor, {
      pupilId: pupilContext.pupil.id,
      conversationId: subject.conversationId ?? pupilContext.pending?.id ?? null,
      formatKey: format.key,
      formatVersion: format.version,
      plannedAt,
      place: text(answers, "when", "place"),
      durationMinutes: num(answers, "when", "duration"),
      preparation: { ...answers, plannedQuestions: questions },
    });
    const name = pupilContext.pupil.firstName;
    const lines = [
      translate(ctx.locale, "prepare.saved", { name, date: formatLocalDate(date, ctx.locale), time }),
      ...(questions.length ? [translate(ctx.locale, "prepare.saved.questions", { questions: questions.map((q) => `• ${q}`).join("\n") })] : []),
      translate(ctx.locale, "prepare.saved.next", { name }),
    ];
    const attachments = [];
    if (bool(answers, "ready", "invitation") || format.pupilPreparation) {
      const invitation = renderPupilInvitation({
        pupilFirstName: pupilContext.pupil.firstName,
        topic: text(answers, "aim", "theme"),
        date,
        time,
        place: text(answers, "when", "place"),
        durationMinutes: num(answers, "when", "duration"),
        questions: format.pupilQuestions.map((q) => q[ctx.locale]),
        locale: ctx.locale,
      });
      attachments.push(...(await printableAttachments(invitation.printable, invitationFileBase(pupilContext.pupil, date, ctx.locale))));
      lines.push(translate(ctx.locale, "prepare.invitationBelow"));
      lines.push(invitation.text);
    }
    return { text: lines.join("\n"), conversationId, attachments };
  },
};

// A team leader creates, changes or cancels a conversation round. Creating asks name and format,
// the groups, and the period; changing starts with the round picked (by the command) and every
// field filled in with what the round has now; cancelling asks for a confirmation.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { cancelRound, createRound, listRoundableGroups, listRounds, overlappingRounds, updateRound, type RoundSummary } from "../../bot/services/rounds.js";
import { listFormats } from "../../bot/formats/registry.js";
import { DEFAULT_FORMAT_BY_BOUW } from "../../bot/formats/registry.js";
import { ForbiddenError } from "../../bot/errors.js";
import { Bouw } from "../../bot/domain/vocabulary.js";
import { addDays } from "../../bot/domain/school-calendar.js";
import type { Answers, DialogFlow } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { bool, field, num, text } from "./field.js";
import { localized, translate, eachLocale } from "../../bot/i18n/translate.js";

export const ROUND = "round";

const DEFAULT_INTERVAL_WEEKS = 6;

function pickedRound(answers: Answers, rounds: RoundSummary[]): RoundSummary | undefined {
  const id = answers.pick?.roundId;
  return typeof id === "string" ? rounds.find((r) => r.id === id) : undefined;
}

export const roundFlow: DialogFlow = {
  kind: ROUND,
  async load(ctx) {
    const [groups, allRounds, formats] = await Promise.all([
      listRoundableGroups(ctx.db, ctx.actor),
      listRounds(ctx.db, ctx.actor),
      listFormats(ctx.db, ctx.actor.schoolId),
    ]);
    if (groups.length === 0) throw new ForbiddenError("not a team leader");
    const rounds = allRounds.filter((r) => r.manageable);
    const pupilFormats = formats.filter((f) => f.subject === "pupil");
    const bouwen = [...new Set(groups.map((g) => g.bouw))];
    const suggestedFormat = bouwen.length === 1 ? DEFAULT_FORMAT_BY_BOUW[Bouw.parse(bouwen[0])] : "hgw-kindgesprek";
    return {
      title: translate(ctx.locale, "round.title"),
      steps(answers) {
        const round = pickedRound(answers, rounds);
        const editing = answers.pick !== undefined;
        const cancelling = answers.pick?.action === "cancel";
        const steps: StepDefinition[] = [];
        if (editing) {
          steps.push({
            id: "pick",
            title: localized("round.pick.title"),
            fields: [
              field({
                id: "roundId",
                kind: "singleChoice",
                label: localized("round.pick.roundId.label"),
                required: true,
                options: rounds.map((r) => ({
                  value: r.id,
                  label: eachLocale((l) => `${r.name} (${formatLocalDate(r.startDate, l)} – ${formatLocalDate(r.endDate, l)})`),
                })),
              }),
              field({
                id: "action",
                kind: "singleChoice",
                label: localized("round.pick.action.label"),
                required: true,
                defaultValue: "edit",
                options: [
                  { value: "edit", label: localized("round.pick.action.edit.label") },
                  { value: "cancel", label: localized("round.pick.action.cancel.label") },
                ],
              }),
            ],
          });
        }
        if (cancelling) {
          steps.push({
            id: "confirmCancel",
            title: localized("round.confirmCancel.title"),
            intro: localized("round.confirmCancel.intro"),
            fields: [field({ id: "sure", kind: "yesNo", label: localized("round.confirmCancel.sure.label"), required: true })],
          });
          return steps;
        }
        steps.push(
          {
            id: "basics",
            title: localized("round.basics.title"),
            tips: [localized("round.basics.tip")],
            fields: [
              field({
                id: "name",
                kind: "shortText",
                label: localized("round.basics.name.label"),
                required: true,
                maxLength: 80,
                ...(round ? { defaultValue: round.name } : {}),
              }),
              field({
                id: "format",
                kind: "singleChoice",
                label: localized("round.basics.format.label"),
                required: true,
                defaultValue: round?.formatKey ?? suggestedFormat,
                options: pupilFormats.map((f) => ({ value: f.key, label: f.name })),
              }),
            ],
          },
          {
            id: "groups",
            title: localized("round.groups.title"),
            fields: [
              field({
                id: "groupIds",
                kind: "multiChoice",
                label: localized("round.groups.groupIds.label"),
                required: true,
                defaultValue: round ? round.groups.map((g) => g.id) : groups.map((g) => g.id),
                options: groups.map((g) => ({ value: g.id, label: eachLocale(() => g.name) })),
              }),
            ],
          },
          {
            id: "period",
            title: localized("round.period.title"),
            intro: localized("round.period.intro"),
            fields: [
              field({
                id: "startDate",
                kind: "date",
                label: localized("round.period.startDate.label"),
                required: true,
                ...(round ? { defaultValue: round.startDate } : {}),
              }),
              field({
                id: "endDate",
                kind: "date",
                label: localized("round.period.endDate.label"),
                required: true,
                ...(round ? { defaultValue: round.endDate } : {}),
              }),
              field({
                id: "evaluationWeeks",
                kind: "number",
                label: localized("round.period.evaluationWeeks.label"),
                help: localized("round.period.evaluationWeeks.help"),
                required: true,
                min: 1,
                max: 52,
                defaultValue: round ? Math.round(round.evaluationIntervalDays / 7) : DEFAULT_INTERVAL_WEEKS,
              }),
            ],
            validate(values): FieldError[] {
              const start = values.startDate;
              const end = values.endDate;
              if (typeof start === "string" && typeof end === "string" && end < start) {
                return [{ fieldId: "endDate", message: localized("round.period.endBeforeStart") }];
              }
              if (typeof end === "string" && end < ctx.today) {
                return [{ fieldId: "endDate", message: localized("round.period.endPassed") }];
              }
              if (typeof start === "string" && typeof end === "string" && end > addDays(start, 366)) {
                return [{ fieldId: "endDate", message: localized("round.period.tooLong") }];
              }
              return [];
            },
          },
        );
        return steps;
      },
    };
  },
  async complete(ctx, _subject, answers) {
    const roundId = text(answers, "pick", "roundId");
    if (answers.pick?.action === "cancel") {
      if (!bool(answers, "confirmCancel", "sure")) return { text: translate(ctx.locale, "round.cancel.kept") };
      await cancelRound(ctx.tx, ctx.actor, roundId!);
      return { text: translate(ctx.locale, "round.cancel.done") };
    }
    const groupIds = answers.groups?.groupIds;
    const input = {
      name: text(answers, "basics", "name")!,
      formatKey: text(answers, "basics", "format")!,
      groupIds: Array.isArray(groupIds) ? groupIds : [],
      startDate: text(answers, "period", "startDate")!,
      endDate: text(answers, "period", "endDate")!,
      evaluationIntervalDays: (num(answers, "period", "evaluationWeeks") ?? DEFAULT_INTERVAL_WEEKS) * 7,
    };
    const args = { name: input.name, start: formatLocalDate(input.startDate, ctx.locale), end: formatLocalDate(input.endDate, ctx.locale) };
    // Read before the change: the rounds this one now shares days and groups with.
    const overlaps = (await overlappingRounds(ctx.tx, ctx.actor, { ...input, exceptRoundId: roundId })).map((o) =>
      translate(ctx.locale, "round.overlap", {
        name: o.name,
        start: formatLocalDate(o.startDate, ctx.locale),
        end: formatLocalDate(o.endDate, ctx.locale),
        groups: o.groupNames.join(", "),
      }),
    );
    const withOverlaps = (confirmation: string) => [confirmation, ...overlaps].join("\n");
    if (roundId) {
      await updateRound(ctx.tx, ctx.actor, roundId, input);
      return { text: withOverlaps(translate(ctx.locale, "round.updated", { name: args.name, start: args.start, end: args.end })) };
    }
    await createRound(ctx.tx, ctx.actor, input);
    return {
      text: withOverlaps(translate(ctx.locale, "round.created", { name: args.name, start: args.start, end: args.end, count: input.groupIds.length })),
    };
  },
};

// A team leader creates, changes or cancels a conversation round. Creating asks name and format,
// the groups, and the period; changing starts with the round picked (by the command) and every
// field filled in with what the round has now; cancelling asks for a confirmation.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { cancelRound, createRound, listRoundableGroups, listRounds, updateRound, type RoundSummary } from "../../bot/services/rounds.js";
import { listFormats } from "../../bot/formats/registry.js";
import { DEFAULT_FORMAT_BY_BOUW } from "../../bot/formats/registry.js";
import { ForbiddenError } from "../../bot/errors.js";
import { Bouw } from "../../bot/domain/vocabulary.js";
import { addDays } from "../../bot/domain/school-calendar.js";
import type { Answers, DialogFlow } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { bool, field, num, text } from "./field.js";

export const ROUND = "round";

const DEFAULT_INTERVAL_WEEKS = 6;

function pickedRound(answers: Answers, rounds: RoundSummary[]): RoundSummary | undefined {
  const id = answers.pick?.roundId;
  return typeof id === "string" ? rounds.find((r) => r.id === id) : undefined;
}

export const roundFlow: DialogFlow = {
  kind: ROUND,
  async load(ctx) {
    const [groups, allRounds, formats] = await Promise.all([listRoundableGroups(ctx.db, ctx.actor), listRounds(ctx.db, ctx.actor), listFormats(ctx.db, ctx.actor.schoolId)]);
    if (groups.length === 0) throw new ForbiddenError("not a team leader");
    const rounds = allRounds.filter((r) => r.manageable);
    const nl = ctx.locale === "nl";
    const pupilFormats = formats.filter((f) => f.subject === "pupil");
    const bouwen = [...new Set(groups.map((g) => g.bouw))];
    const suggestedFormat = bouwen.length === 1 ? DEFAULT_FORMAT_BY_BOUW[Bouw.parse(bouwen[0])] : "hgw-kindgesprek";
    return {
      title: nl ? "Gespreksronde" : "Conversation round",
      steps(answers) {
        const round = pickedRound(answers, rounds);
        const editing = answers.pick !== undefined;
        const cancelling = answers.pick?.action === "cancel";
        const steps: StepDefinition[] = [];
        if (editing) {
          steps.push({
            id: "pick",
            title: { nl: "Welke ronde?", en: "Which round?" },
            fields: [
              field({
                id: "roundId",
                kind: "singleChoice",
                label: { nl: "Ronde", en: "Round" },
                required: true,
                options: rounds.map((r) => ({ value: r.id, label: { nl: `${r.name} (${formatLocalDate(r.startDate, "nl")} – ${formatLocalDate(r.endDate, "nl")})`, en: `${r.name} (${formatLocalDate(r.startDate, "en")} – ${formatLocalDate(r.endDate, "en")})` } })),
              }),
              field({
                id: "action",
                kind: "singleChoice",
                label: { nl: "Wat wil je doen?", en: "What would you like to do?" },
                required: true,
                defaultValue: "edit",
                options: [
                  { value: "edit", label: { nl: "Wijzigen", en: "Change it" } },
                  { value: "cancel", label: { nl: "Annuleren", en: "Cancel it" } },
                ],
              }),
            ],
          });
        }
        if (cancelling) {
          steps.push({
            id: "confirmCancel",
            title: { nl: "Ronde annuleren", en: "Cancel the round" },
            intro: {
              nl: "De herinneringen van deze ronde vervallen. Gesprekken die al gepland of gehouden zijn blijven gewoon staan.",
              en: "The round's reminders are dropped. Conversations already planned or held stay as they are.",
            },
            fields: [field({ id: "sure", kind: "yesNo", label: { nl: "Weet je het zeker?", en: "Are you sure?" }, required: true })],
          });
          return steps;
        }
        steps.push(
          {
            id: "basics",
            title: { nl: "Naam en gespreksvorm", en: "Name and format" },
            tips: [{ nl: "Een naam die iedereen herkent, bijvoorbeeld 'Kindgesprekken najaar'.", en: "A name everyone recognises, e.g. 'Autumn conversations'." }],
            fields: [
              field({ id: "name", kind: "shortText", label: { nl: "Naam van de ronde", en: "Name of the round" }, required: true, maxLength: 80, ...(round ? { defaultValue: round.name } : {}) }),
              field({
                id: "format",
                kind: "singleChoice",
                label: { nl: "Gespreksvorm", en: "Format" },
                required: true,
                defaultValue: round?.formatKey ?? suggestedFormat,
                options: pupilFormats.map((f) => ({ value: f.key, label: f.name })),
              }),
            ],
          },
          {
            id: "groups",
            title: { nl: "Welke groepen?", en: "Which groups?" },
            fields: [
              field({
                id: "groupIds",
                kind: "multiChoice",
                label: { nl: "Groepen", en: "Groups" },
                required: true,
                defaultValue: round ? round.groups.map((g) => g.id) : groups.map((g) => g.id),
                options: groups.map((g) => ({ value: g.id, label: { nl: g.name, en: g.name } })),
              }),
            ],
          },
          {
            id: "period",
            title: { nl: "Periode en evaluatie", en: "Period and evaluation" },
            intro: {
              nl: "Leerkrachten krijgen bericht op de eerste schooldag van de ronde, en halverwege een herinnering als er nog leerlingen niet gepland zijn.",
              en: "Teachers hear about it on the round's first school day, and get a reminder halfway if pupils are still unplanned.",
            },
            fields: [
              field({ id: "startDate", kind: "date", label: { nl: "Eerste dag", en: "First day" }, required: true, ...(round ? { defaultValue: round.startDate } : {}) }),
              field({ id: "endDate", kind: "date", label: { nl: "Laatste dag", en: "Last day" }, required: true, ...(round ? { defaultValue: round.endDate } : {}) }),
              field({
                id: "evaluationWeeks",
                kind: "number",
                label: { nl: "Evaluatie na hoeveel weken?", en: "Evaluate after how many weeks?" },
                help: { nl: "De evaluatiedatum van de doelen wordt hierop voorgesteld.", en: "The goals' evaluation date is suggested from this." },
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
                return [{ fieldId: "endDate", message: { nl: "De laatste dag ligt vóór de eerste dag.", en: "The last day is before the first day." } }];
              }
              if (typeof end === "string" && end < ctx.today) {
                return [{ fieldId: "endDate", message: { nl: "De laatste dag is al voorbij.", en: "The last day has already passed." } }];
              }
              if (typeof start === "string" && typeof end === "string" && end > addDays(start, 366)) {
                return [{ fieldId: "endDate", message: { nl: "Een ronde duurt hoogstens een jaar.", en: "A round lasts a year at most." } }];
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
    const nl = ctx.locale === "nl";
    const roundId = text(answers, "pick", "roundId");
    if (answers.pick?.action === "cancel") {
      if (!bool(answers, "confirmCancel", "sure")) return { text: nl ? "De ronde blijft staan." : "The round stays as it is." };
      await cancelRound(ctx.tx, ctx.actor, roundId!);
      return { text: nl ? "De ronde is geannuleerd; de herinneringen ervan vervallen." : "The round is cancelled; its reminders are dropped." };
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
    if (roundId) {
      await updateRound(ctx.tx, ctx.actor, roundId, input);
      return { text: nl ? `Ronde **${args.name}** is gewijzigd (${args.start} – ${args.end}).` : `Round **${args.name}** is updated (${args.start} – ${args.end}).` };
    }
    await createRound(ctx.tx, ctx.actor, input);
    return {
      text: nl
        ? `Ronde **${args.name}** staat klaar (${args.start} – ${args.end}, ${input.groupIds.length} groep(en)). De leerkrachten krijgen op de eerste schooldag bericht met hun leerlingen. Voortgang: typ \`rondes\`.`
        : `Round **${args.name}** is set (${args.start} – ${args.end}, ${input.groupIds.length} group(s)). Teachers hear about it on the first school day, with their pupils. Progress: type \`rounds\`.`,
    };
  },
};

// A teacher plans the pupils of a round: the bot proposes a schedule from the teacher's weekly
// moments (the teacher accepts, or goes back to adjust), or the teacher plans pupils one by one
// (choosing an already planned pupil moves their conversation). Duo-partners split the group by
// default. The result comes with a calendar file.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { localDate, localTime } from "../../bot/domain/local-time.js";
import { addDays, atSchoolTime, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import type { SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import { duoShare } from "../../bot/rounds/duo-split.js";
import { conversationsCalendar } from "../../bot/rounds/ics.js";
import { formatMoments, parseMoments } from "../../bot/rounds/moments.js";
import { proposeSchedule, type Proposal } from "../../bot/rounds/propose-schedule.js";
import { listRounds } from "../../bot/services/rounds.js";
import { planConversations, planningGroup, type PlanningGroup } from "../../bot/services/round-planning.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { NotFoundError } from "../../bot/errors.js";
import type { Answers, DialogFlow, FlowContext } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { field, num, text } from "./field.js";
import { schoolDateErrors } from "./school-date.js";
import { localized, translate, eachLocale } from "../../bot/i18n/translate.js";
import { listUpcomingConversationTimes } from "../../bot/services/conversations.js";

export const PLAN = "plan";
export const MAX_MANUAL = 40;
const DEFAULT_MINUTES = 10;

export function planTarget(roundId: string, groupId: string): string {
  return `${roundId}|${groupId}`;
}

interface PlanData {
  targets: PlanningGroup[];
  calendar: SchoolCalendar;
  /** The teacher's conversations already planned elsewhere: "YYYY-MM-DD HH:MM". */
  taken: Set<string>;
}

function chosen(answers: Answers, data: PlanData): PlanningGroup | undefined {
  const value = answers.target?.target;
  // Only without an answer does "the only round" count: an answered round that is gone is gone.
  if (value === undefined) return data.targets.length === 1 ? data.targets[0] : undefined;
  return data.targets.find((t) => planTarget(t.round.id, t.group.id) === value);
}

/** Pupils still to plan: not planned in the round (a held conversation is done). */
function unplanned(target: PlanningGroup): PlanningGroup["pupils"] {
  return target.pupils.filter((p) => !p.conversation);
}

/** The whole group is split (so a partner's share does not shrink as the other plans), then the planned are left out. */
function myShare(target: PlanningGroup, staffId: string): string[] {
  const all = target.pupils.map((p) => p.id);
  const mine = new Set(
    duoShare(
      all,
      target.teachers.map((t) => ({ staffId: t.staffId, workingDays: t.workingDays.length })),
      staffId,
    ),
  );
  return unplanned(target)
    .map((p) => p.id)
    .filter((id) => mine.has(id));
}

function window(ctx: FlowContext, target: PlanningGroup): { from: string; to: string } {
  const tomorrow = addDays(ctx.today, 1);
  return { from: target.round.startDate > tomorrow ? target.round.startDate : tomorrow, to: target.round.endDate };
}

/** The days this teacher works in the group (a proposal and a date by hand both keep to them). */
function myWorkingDays(ctx: FlowContext, target: PlanningGroup): ReadonlySet<number> {
  const me = target.teachers.find((t) => t.staffId === ctx.actor.staffId);
  return new Set(me?.workingDays ?? [1, 2, 3, 4, 5]);
}

/** A date planned by hand: a school day of the round still ahead, on which this teacher works. */
function manualDateRule(ctx: FlowContext, data: PlanData, target: PlanningGroup): SchoolDateRule {
  return { calendar: data.calendar, within: window(ctx, target), person: { workingDays: myWorkingDays(ctx, target), name: null } };
}

function proposalFor(ctx: FlowContext, data: PlanData, target: PlanningGroup, answers: Answers): Proposal | null {
  const moments = parseMoments(text(answers, "moments", "moments") ?? "");
  if (!moments.ok) return null;
  const who = answers.moments?.who === "all" ? unplanned(target).map((p) => p.id) : myShare(target, ctx.actor.staffId);
  return proposeSchedule({
    calendar: data.calendar,
    ...window(ctx, target),
    moments: moments.moments,
    minutesPerConversation: num(answers, "moments", "minutes") ?? DEFAULT_MINUTES,
    pupilIds: who,
    workingDays: myWorkingDays(ctx, target),
    taken: data.taken,
  });
}

function nameOf(target: PlanningGroup, pupilId: string): string {
  const p = target.pupils.find((x) => x.id === pupilId);
  return p ? `${p.firstName} ${p.lastName}` : "?";
}

function manualSteps(ctx: FlowContext, data: PlanData, target: PlanningGroup, answers: Answers): StepDefinition[] {
  const { from, to } = window(ctx, target);
  const rule = manualDateRule(ctx, data, target);
  const options = target.pupils
    .filter((p) => !p.conversation || ["planned", "prepared"].includes(p.conversation.status))
    .map((p) => {
      const when = p.conversation?.plannedAt
        ? ` (${formatLocalDate(localDate(p.conversation.plannedAt, ctx.actor.timezone), ctx.locale)} ${localTime(p.conversation.plannedAt, ctx.actor.timezone)})`
        : "";
      return { value: p.id, label: eachLocale(() => `${p.firstName} ${p.lastName}${when}`) };
    });
  const steps: StepDefinition[] = [];
  for (let i = 1; i <= MAX_MANUAL; i++) {
    steps.push({
      id: `manual${i}`,
      title: localized("plan.manual.title", { i }),
      intro: localized("plan.manual.intro", { from: eachLocale((l) => formatLocalDate(from, l)), to: eachLocale((l) => formatLocalDate(to, l)) }),
      fields: [
        field({ id: "pupil", kind: "singleChoice", label: localized("plan.pupil.label"), required: true, options }),
        field({ id: "date", kind: "date", label: localized("label.date"), required: true }),
        field({ id: "time", kind: "time", label: localized("label.time"), required: true }),
        field({ id: "minutes", kind: "number", label: localized("plan.minutes.label"), required: true, min: 3, max: 90, defaultValue: DEFAULT_MINUTES }),
        field({ id: "more", kind: "yesNo", label: localized("plan.more.label"), defaultValue: false }),
      ],
      validate: (values): FieldError[] => schoolDateErrors(values, "date", rule),
    });
    if (answers[`manual${i}`]?.more !== true) break;
  }
  return steps;
}

/** The rounds and groups this teacher plans in now, with what is already planned. */
async function loadPlanData(ctx: FlowContext): Promise<PlanData> {
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.teaching && r.endDate >= ctx.today);
  const targets: PlanningGroup[] = [];
  for (const round of rounds) {
    for (const group of round.groups.filter((g) => ctx.actor.groupIds.has(g.id))) targets.push(await planningGroup(ctx.db, ctx.actor, round.id, group.id));
  }
  if (targets.length === 0) throw new NotFoundError("round");
  const calendar = await loadSchoolCalendar(ctx.db, ctx.actor.schoolId);
  const mine = await listUpcomingConversationTimes(ctx.db, ctx.actor.staffId, ctx.now);
  return {
    targets,
    calendar,
    taken: new Set(mine.map((at) => `${localDate(at, calendar.timezone)} ${localTime(at, calendar.timezone)}`)),
  };
}

export const planFlow: DialogFlow = {
  kind: PLAN,
  async load(ctx) {
    const data = await loadPlanData(ctx);
    const { targets } = data;
    return {
      title: translate(ctx.locale, "plan.title"),
      steps(answers) {
        const steps: StepDefinition[] = [];
        if (targets.length > 1) {
          steps.push({
            id: "target",
            title: localized("plan.target.title"),
            fields: [
              field({
                id: "target",
                kind: "singleChoice",
                label: localized("plan.target.target.label"),
                required: true,
                options: targets.map((t) => ({
                  value: planTarget(t.round.id, t.group.id),
                  label: localized("plan.roundGroup", { round: t.round.name, group: t.group.name }),
                })),
              }),
            ],
          });
        }
        const target = chosen(answers, data);
        if (!target) return steps;
        const open = unplanned(target);
        const share = myShare(target, ctx.actor.staffId);
        const duo = target.teachers.length > 1;
        steps.push({
          id: "mode",
          title: localized("plan.roundGroup", { round: target.round.name, group: target.group.name }),
          info: [
            translate(ctx.locale, "plan.mode.info", {
              open: open.length,
              count: target.pupils.length,
              date: formatLocalDate(target.round.startDate, ctx.locale),
              date2: formatLocalDate(target.round.endDate, ctx.locale),
            }),
            ...(duo
              ? [
                  translate(ctx.locale, "plan.mode.duoShare", {
                    names: share.map((id) => nameOf(target, id)).join(", ") || translate(ctx.locale, "plan.mode.nobodyLeft"),
                  }),
                ]
              : []),
          ],
          fields: [
            field({
              id: "mode",
              kind: "singleChoice",
              label: localized("plan.mode.mode.label"),
              required: true,
              defaultValue: "propose",
              options: [
                { value: "propose", label: localized("plan.mode.mode.propose.label") },
                { value: "manual", label: localized("plan.mode.mode.manual.label") },
              ],
            }),
          ],
        });
        if (answers.mode?.mode === "manual") return [...steps, ...manualSteps(ctx, data, target, answers)];
        if (answers.mode?.mode !== "propose") return steps;
        steps.push({
          id: "moments",
          title: localized("plan.moments.title"),
          intro: localized("plan.moments.intro"),
          fields: [
            field({
              id: "moments",
              kind: "shortText",
              label: localized("plan.moments.moments.label"),
              placeholder: localized("plan.moments.moments.placeholder"),
              required: true,
              maxLength: 200,
            }),
            field({
              id: "minutes",
              kind: "number",
              label: localized("plan.moments.minutes.label"),
              required: true,
              min: 3,
              max: 90,
              defaultValue: DEFAULT_MINUTES,
            }),
            ...(duo
              ? [
                  field({
                    id: "who",
                    kind: "singleChoice",
                    label: localized("plan.moments.who.label"),
                    required: true,
                    defaultValue: "mine",
                    options: [
                      { value: "mine", label: localized("plan.moments.who.mine.label", { length: share.length }) },
                      { value: "all", label: localized("plan.moments.who.all.label", { length: open.length }) },
                    ],
                  }),
                ]
              : []),
          ],
          validate(values): FieldError[] {
            if (typeof values.moments !== "string") return [];
            const parsed = parseMoments(values.moments);
            return parsed.ok ? [] : [{ fieldId: "moments", message: localized("plan.moments.unreadable", { problem: parsed.problem }) }];
          },
        });
        const proposal = proposalFor(ctx, data, target, answers);
        if (!proposal || answers.moments === undefined) return steps;
        const parsed = parseMoments(text(answers, "moments", "moments") ?? "");
        steps.push({
          id: "proposal",
          title: localized("plan.proposal.title"),
          intro: localized("plan.proposal.intro", {
            moments: eachLocale((l) => (parsed.ok ? formatMoments(parsed.moments, l) : "")),
            count: proposal.planned.length,
          }),
          info: [
            ...(proposal.planned.length === 0 && proposal.unplaced.length > 0 ? [translate(ctx.locale, "plan.proposal.noMoments")] : []),
            ...proposal.planned.map((p) => `${formatLocalDate(p.date, ctx.locale)} ${p.time} — ${nameOf(target, p.pupilId)}`),
            ...(proposal.unplaced.length
              ? [translate(ctx.locale, "plan.proposal.notFitting", { join: proposal.unplaced.map((id) => nameOf(target, id)).join(", ") })]
              : []),
          ],
          fields: [field({ id: "accept", kind: "yesNo", label: localized("plan.proposal.accept.label"), required: true, defaultValue: true })],
        });
        return steps;
      },
    };
  },
  async complete(ctx, _subject, answers) {
    const data = await loadPlanData(ctx);
    const { calendar } = data;
    const target = chosen(answers, data);
    if (!target) throw new NotFoundError("round");
    let items: { pupilId: string; plannedAt: Date; durationMinutes: number }[] = [];
    if (answers.mode?.mode === "manual") {
      for (let i = 1; i <= MAX_MANUAL && answers[`manual${i}`]; i++) {
        const step = answers[`manual${i}`]!;
        items.push({
          pupilId: String(step.pupil),
          plannedAt: atSchoolTime(calendar, String(step.date), String(step.time)),
          durationMinutes: Number(step.minutes ?? DEFAULT_MINUTES),
        });
      }
      // The same pupil chosen twice: the last choice counts.
      items = [...new Map(items.map((i) => [i.pupilId, i])).values()];
    } else {
      if (answers.proposal?.accept !== true) return { text: translate(ctx.locale, "plan.notPlanned") };
      const proposal = proposalFor(ctx, data, target, answers);
      const minutes = num(answers, "moments", "minutes") ?? DEFAULT_MINUTES;
      items = (proposal?.planned ?? []).map((p) => ({ pupilId: p.pupilId, plannedAt: atSchoolTime(calendar, p.date, p.time), durationMinutes: minutes }));
    }
    // A proposal never moves a pupil a colleague planned in the meantime; by hand, a move is the point.
    const planned = await planConversations(ctx.tx, ctx.actor, target.round.id, target.group.id, items, { moveExisting: answers.mode?.mode === "manual" });
    if (planned.length === 0) return { text: translate(ctx.locale, "plan.nothingToPlan") };
    const first = (id: string) => target.pupils.find((p) => p.id === id)?.firstName ?? "";
    const ics = conversationsCalendar(
      planned.map((p) => ({
        uid: `${p.id}@gesprekswijzer`,
        start: p.plannedAt,
        durationMinutes: p.durationMinutes,
        title: translate(ctx.locale, "plan.calendarTitle", { first: first(p.pupilId) }),
      })),
    );
    const lines = [...planned]
      .sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime())
      .map(
        (p) =>
          `${formatLocalDate(localDate(p.plannedAt, calendar.timezone), ctx.locale)} ${localTime(p.plannedAt, calendar.timezone)} — ${nameOf(target, p.pupilId)}`,
      );
    return {
      text: [translate(ctx.locale, "plan.planned", { count: planned.length }), ...lines, translate(ctx.locale, "plan.plannedAdvice")].join("\n"),
      attachments: [{ filename: "kindgesprekken.ics", contentType: "text/calendar", content: ics }],
    };
  },
};

// A teacher plans the pupils of a round: the bot proposes a schedule from the teacher's weekly
// moments (the teacher accepts, or goes back to adjust), or the teacher plans pupils one by one
// (choosing an already planned pupil moves their conversation). Duo-partners split the group by
// default. The result comes with a calendar file.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { localDate, localTime } from "../../bot/domain/local-time.js";
import { atSchoolTime, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import { duoShare } from "../../bot/rounds/duo-split.js";
import { conversationsCalendar } from "../../bot/rounds/ics.js";
import { formatMoments, parseMoments } from "../../bot/rounds/moments.js";
import { proposeSchedule, type Proposal } from "../../bot/rounds/propose-schedule.js";
import { listRounds } from "../../bot/services/rounds.js";
import { planConversations, planningGroup, type PlanItem, type PlanningGroup } from "../../bot/services/round-planning.js";
import { DEFAULT_MINUTES, DEFAULT_MINUTES_WITH_PARENTS, manualItems, manualSteps, myWorkingDays, planWindow } from "./plan-manual.js";
import { getFormat } from "../../bot/formats/registry.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { NotFoundError } from "../../bot/errors.js";
import type { Answers, DialogFlow, FlowContext } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { field, num, text } from "./field.js";
import { localized, translate, eachLocale } from "../../bot/i18n/translate.js";
import { listUpcomingConversationTimes } from "../../bot/services/conversations.js";

export const PLAN = "plan";

export function planTarget(roundId: string, groupId: string): string {
  return `${roundId}|${groupId}`;
}

interface PlanData {
  targets: PlanningGroup[];
  calendar: SchoolCalendar;
  /** The teacher's conversations already planned elsewhere: "YYYY-MM-DD HH:MM". */
  taken: Set<string>;
  /** Rounds held with the parents (a format withParents): times are agreed with them, one by one. */
  withParents: Set<string>;
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

function proposalFor(ctx: FlowContext, data: PlanData, target: PlanningGroup, answers: Answers): Proposal | null {
  const moments = parseMoments(text(answers, "moments", "moments") ?? "");
  if (!moments.ok) return null;
  const who = answers.moments?.who === "all" ? unplanned(target).map((p) => p.id) : myShare(target, ctx.actor.staffId);
  return proposeSchedule({
    calendar: data.calendar,
    ...planWindow(ctx, target),
    moments: moments.moments,
    minutesPerConversation: num(answers, "moments", "minutes") ?? (data.withParents.has(target.round.id) ? DEFAULT_MINUTES_WITH_PARENTS : DEFAULT_MINUTES),
    pupilIds: who,
    workingDays: myWorkingDays(ctx, target),
    taken: data.taken,
  });
}

function nameOf(target: PlanningGroup, pupilId: string): string {
  const p = target.pupils.find((x) => x.id === pupilId);
  return p ? `${p.firstName} ${p.lastName}` : "?";
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
  const withParents = new Set<string>();
  for (const round of rounds) {
    const format = await getFormat(ctx.db, ctx.actor.schoolId, round.formatKey).catch(() => null);
    if (format?.withParents) withParents.add(round.id);
  }
  return {
    targets,
    calendar,
    withParents,
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
        const parents = data.withParents.has(target.round.id);
        const minutes = parents ? DEFAULT_MINUTES_WITH_PARENTS : DEFAULT_MINUTES;
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
            ...(parents ? [translate(ctx.locale, "startgesprek.plan.modeInfo")] : []),
          ],
          fields: [
            field({
              id: "mode",
              kind: "singleChoice",
              label: localized("plan.mode.mode.label"),
              required: true,
              // With the parents, the times are agreed with each family: one by one comes first.
              defaultValue: parents ? "manual" : "propose",
              options: [
                { value: "propose", label: localized("plan.mode.mode.propose.label") },
                { value: "manual", label: localized("plan.mode.mode.manual.label") },
              ],
            }),
          ],
        });
        if (answers.mode?.mode === "manual") return [...steps, ...manualSteps(ctx, data.calendar, target, answers, data.withParents.has(target.round.id))];
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
              unit: "minutes",
              label: localized("plan.moments.minutes.label"),
              required: true,
              min: 3,
              max: 90,
              defaultValue: minutes,
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
    let items: PlanItem[] = [];
    if (answers.mode?.mode === "manual") {
      items = manualItems(answers, calendar);
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

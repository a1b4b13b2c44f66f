// Planning pupils one by one (plannen, "zelf per leerling"): a date on a school day of the round
// this teacher works, a time and a length. In a round held with the parents (a format withParents,
// the startgesprek) this is the usual way: the time is the one agreed with the parents, the
// conversation takes longer, and where it takes place is noted too.
import { formatLocalDate, localDate, localTime } from "../../bot/domain/local-time.js";
import { addDays, atSchoolTime, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import type { SchoolDateRule } from "../../bot/domain/school-day-rule.js";
import type { PlanItem, PlanningGroup } from "../../bot/services/round-planning.js";
import type { Answers, FlowContext } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { field, text } from "./field.js";
import { schoolDateErrors } from "./school-date.js";
import { localized, eachLocale } from "../../bot/i18n/translate.js";

export const MAX_MANUAL = 40;
export const DEFAULT_MINUTES = 10;
/** A conversation with the parents at the table takes longer than one with the pupil alone. */
export const DEFAULT_MINUTES_WITH_PARENTS = 15;

export function planWindow(ctx: FlowContext, target: PlanningGroup): { from: string; to: string } {
  const tomorrow = addDays(ctx.today, 1);
  return { from: target.round.startDate > tomorrow ? target.round.startDate : tomorrow, to: target.round.endDate };
}

/** The days this teacher works in the group (a proposal and a date by hand both keep to them). */
export function myWorkingDays(ctx: FlowContext, target: PlanningGroup): ReadonlySet<number> {
  const me = target.teachers.find((t) => t.staffId === ctx.actor.staffId);
  return new Set(me?.workingDays ?? [1, 2, 3, 4, 5]);
}

/** A date planned by hand: a school day of the round still ahead, on which this teacher works. */
function manualDateRule(ctx: FlowContext, calendar: SchoolCalendar, target: PlanningGroup): SchoolDateRule {
  return { calendar, within: planWindow(ctx, target), person: { workingDays: myWorkingDays(ctx, target), name: null } };
}

export function manualSteps(ctx: FlowContext, calendar: SchoolCalendar, target: PlanningGroup, answers: Answers, withParents: boolean): StepDefinition[] {
  const { from, to } = planWindow(ctx, target);
  const rule = manualDateRule(ctx, calendar, target);
  const options = target.pupils
    .filter((p) => !p.conversation || ["planned", "prepared"].includes(p.conversation.status))
    .map((p) => {
      const when = p.conversation?.plannedAt
        ? ` (${formatLocalDate(localDate(p.conversation.plannedAt, ctx.actor.timezone), ctx.locale)} ${localTime(p.conversation.plannedAt, ctx.actor.timezone)})`
        : "";
      return { value: p.id, label: eachLocale(() => `${p.firstName} ${p.lastName}${when}`) };
    });
  const period = { from: eachLocale((l) => formatLocalDate(from, l)), to: eachLocale((l) => formatLocalDate(to, l)) };
  const steps: StepDefinition[] = [];
  for (let i = 1; i <= MAX_MANUAL; i++) {
    steps.push({
      id: `manual${i}`,
      title: localized("plan.manual.title", { i }),
      intro: withParents ? localized("startgesprek.plan.intro", period) : localized("plan.manual.intro", period),
      fields: [
        field({ id: "pupil", kind: "singleChoice", label: localized("plan.pupil.label"), required: true, options }),
        field({ id: "date", kind: "date", label: localized("label.date"), required: true }),
        field({ id: "time", kind: "time", label: localized(withParents ? "startgesprek.plan.time.label" : "label.time"), required: true }),
        field({
          id: "minutes",
          kind: "number",
          unit: "minutes",
          label: localized("plan.minutes.label"),
          required: true,
          min: 3,
          max: 90,
          defaultValue: withParents ? DEFAULT_MINUTES_WITH_PARENTS : DEFAULT_MINUTES,
        }),
        ...(withParents
          ? [
              field({
                id: "place",
                kind: "shortText",
                label: localized("startgesprek.plan.place.label"),
                placeholder: localized("startgesprek.plan.place.placeholder"),
                maxLength: 100,
              }),
            ]
          : []),
        field({ id: "more", kind: "yesNo", label: localized("plan.more.label"), defaultValue: false }),
      ],
      validate: (values): FieldError[] => schoolDateErrors(values, "date", rule),
    });
    if (answers[`manual${i}`]?.more !== true) break;
  }
  return steps;
}

/** The pupils planned by hand; the same pupil chosen twice: the last choice counts. */
export function manualItems(answers: Answers, calendar: SchoolCalendar): PlanItem[] {
  const items: PlanItem[] = [];
  for (let i = 1; i <= MAX_MANUAL && answers[`manual${i}`]; i++) {
    const step = answers[`manual${i}`]!;
    const place = text(answers, `manual${i}`, "place");
    items.push({
      pupilId: String(step.pupil),
      plannedAt: atSchoolTime(calendar, String(step.date), String(step.time)),
      durationMinutes: Number(step.minutes ?? DEFAULT_MINUTES),
      ...(place ? { place } : {}),
    });
  }
  return [...new Map(items.map((i) => [i.pupilId, i])).values()];
}

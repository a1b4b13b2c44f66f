// A teacher plans the pupils of a round: the bot proposes a schedule from the teacher's weekly
// moments (the teacher accepts, or goes back to adjust), or the teacher plans pupils one by one
// (choosing an already planned pupil moves their conversation). Duo-partners split the group by
// default. The result comes with a calendar file.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { localDate, localTime } from "../../bot/domain/local-time.js";
import { addDays, atSchoolTime, isSchoolDay, type SchoolCalendar } from "../../bot/domain/school-calendar.js";
import { duoShare } from "../../bot/rounds/duo-split.js";
import { conversationsCalendar } from "../../bot/rounds/ics.js";
import { formatMoments, parseMoments } from "../../bot/rounds/moments.js";
import { proposeSchedule, type Proposal } from "../../bot/rounds/propose-schedule.js";
import { listRounds, planConversations, planningGroup, type PlanningGroup } from "../../bot/services/rounds.js";
import { loadSchoolCalendar } from "../../bot/services/school-calendar.js";
import { NotFoundError } from "../../bot/errors.js";
import type { Answers, DialogFlow, FlowContext } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { field, num, text } from "./field.js";
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
  const mine = new Set(duoShare(all, target.teachers.map((t) => ({ staffId: t.staffId, workingDays: t.workingDays.length })), staffId));
  return unplanned(target).map((p) => p.id).filter((id) => mine.has(id));
}

function window(ctx: FlowContext, target: PlanningGroup): { from: string; to: string } {
  const tomorrow = addDays(ctx.today, 1);
  return { from: target.round.startDate > tomorrow ? target.round.startDate : tomorrow, to: target.round.endDate };
}

function proposalFor(ctx: FlowContext, data: PlanData, target: PlanningGroup, answers: Answers): Proposal | null {
  const moments = parseMoments(text(answers, "moments", "moments") ?? "");
  if (!moments.ok) return null;
  const who = answers.moments?.who === "all" ? unplanned(target).map((p) => p.id) : myShare(target, ctx.actor.staffId);
  const me = target.teachers.find((t) => t.staffId === ctx.actor.staffId);
  return proposeSchedule({
    calendar: data.calendar,
    ...window(ctx, target),
    moments: moments.moments,
    minutesPerConversation: num(answers, "moments", "minutes") ?? DEFAULT_MINUTES,
    pupilIds: who,
    workingDays: new Set(me?.workingDays ?? [1, 2, 3, 4, 5]),
    taken: data.taken,
  });
}

function nameOf(target: PlanningGroup, pupilId: string): string {
  const p = target.pupils.find((x) => x.id === pupilId);
  return p ? `${p.firstName} ${p.lastName}` : "?";
}

function manualSteps(ctx: FlowContext, data: PlanData, target: PlanningGroup, answers: Answers): StepDefinition[] {
  const nl = ctx.locale === "nl";
  const { from, to } = window(ctx, target);
  const options = target.pupils
    .filter((p) => !p.conversation || ["planned", "prepared"].includes(p.conversation.status))
    .map((p) => {
      const when = p.conversation?.plannedAt
        ? ` (${formatLocalDate(localDate(p.conversation.plannedAt, ctx.actor.timezone), ctx.locale)} ${localTime(p.conversation.plannedAt, ctx.actor.timezone)})`
        : "";
      return { value: p.id, label: { nl: `${p.firstName} ${p.lastName}${when}`, en: `${p.firstName} ${p.lastName}${when}` } };
    });
  const steps: StepDefinition[] = [];
  for (let i = 1; i <= MAX_MANUAL; i++) {
    steps.push({
      id: `manual${i}`,
      title: { nl: `Leerling ${i} plannen`, en: `Plan pupil ${i}` },
      intro: {
        nl: `Tussen ${formatLocalDate(from, "nl")} en ${formatLocalDate(to, "nl")}. Een leerling die al gepland is, wordt verzet.`,
        en: `Between ${formatLocalDate(from, "en")} and ${formatLocalDate(to, "en")}. A pupil already planned is moved.`,
      },
      fields: [
        field({ id: "pupil", kind: "singleChoice", label: { nl: "Leerling", en: "Pupil" }, required: true, options }),
        field({ id: "date", kind: "date", label: { nl: "Datum", en: "Date" }, required: true }),
        field({ id: "time", kind: "time", label: { nl: "Tijd", en: "Time" }, required: true }),
        field({ id: "minutes", kind: "number", label: { nl: "Minuten", en: "Minutes" }, required: true, min: 3, max: 90, defaultValue: DEFAULT_MINUTES }),
        field({ id: "more", kind: "yesNo", label: { nl: "Nog een leerling plannen?", en: "Plan another pupil?" }, defaultValue: false }),
      ],
      validate(values): FieldError[] {
        const date = values.date;
        if (typeof date !== "string") return [];
        if (date < from || date > to) {
          return [{ fieldId: "date", message: { nl: `Kies een datum tussen ${formatLocalDate(from, "nl")} en ${formatLocalDate(to, "nl")}.`, en: `Choose a date between ${formatLocalDate(from, "en")} and ${formatLocalDate(to, "en")}.` } }];
        }
        if (!isSchoolDay(data.calendar, date)) {
          return [{ fieldId: "date", message: { nl: "Op die dag is er geen school.", en: "There is no school on that day." } }];
        }
        return [];
      },
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
    const nl = ctx.locale === "nl";
    return {
      title: nl ? "Gesprekken plannen" : "Plan conversations",
      steps(answers) {
        const steps: StepDefinition[] = [];
        if (targets.length > 1) {
          steps.push({
            id: "target",
            title: { nl: "Welke ronde en groep?", en: "Which round and group?" },
            fields: [
              field({
                id: "target",
                kind: "singleChoice",
                label: { nl: "Ronde — groep", en: "Round — group" },
                required: true,
                options: targets.map((t) => ({ value: planTarget(t.round.id, t.group.id), label: { nl: `${t.round.name} — ${t.group.name}`, en: `${t.round.name} — ${t.group.name}` } })),
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
          title: { nl: `${target.round.name} — ${target.group.name}`, en: `${target.round.name} — ${target.group.name}` },
          info: [
            nl
              ? `Nog te plannen: ${open.length} van ${target.pupils.length} leerlingen, tussen ${formatLocalDate(target.round.startDate, "nl")} en ${formatLocalDate(target.round.endDate, "nl")}.`
              : `Still to plan: ${open.length} of ${target.pupils.length} pupils, between ${formatLocalDate(target.round.startDate, "en")} and ${formatLocalDate(target.round.endDate, "en")}.`,
            ...(duo ? [nl ? `Jouw deel (duo): ${share.map((id) => nameOf(target, id)).join(", ") || "niemand meer"}.` : `Your share (duo): ${share.map((id) => nameOf(target, id)).join(", ") || "nobody left"}.`] : []),
          ],
          fields: [
            field({
              id: "mode",
              kind: "singleChoice",
              label: { nl: "Hoe wil je plannen?", en: "How would you like to plan?" },
              required: true,
              defaultValue: "propose",
              options: [
                { value: "propose", label: { nl: "Stel een planning voor uit mijn vaste momenten", en: "Propose a schedule from my weekly moments" } },
                { value: "manual", label: { nl: "Zelf per leerling plannen of verzetten", en: "Plan or move pupils one by one" } },
              ],
            }),
          ],
        });
        if (answers.mode?.mode === "manual") return [...steps, ...manualSteps(ctx, data, target, answers)];
        if (answers.mode?.mode !== "propose") return steps;
        steps.push({
          id: "moments",
          title: { nl: "Je vaste momenten", en: "Your weekly moments" },
          intro: {
            nl: "Bijvoorbeeld twee momenten zelfstandig werken per week. Weekends, vakanties, studiedagen en je vrije dagen slaat de planning over.",
            en: "For example two slots of independent work a week. The schedule skips weekends, holidays, study days and your days off.",
          },
          fields: [
            field({ id: "moments", kind: "shortText", label: { nl: "Momenten per week", en: "Moments per week" }, placeholder: { nl: "di 10:30-11:15, do 13:00-13:45", en: "tue 10:30-11:15, thu 13:00-13:45" }, required: true, maxLength: 200 }),
            field({ id: "minutes", kind: "number", label: { nl: "Minuten per gesprek", en: "Minutes per conversation" }, required: true, min: 3, max: 90, defaultValue: DEFAULT_MINUTES }),
            ...(duo
              ? [
                  field({
                    id: "who",
                    kind: "singleChoice",
                    label: { nl: "Welke leerlingen?", en: "Which pupils?" },
                    required: true,
                    defaultValue: "mine",
                    options: [
                      { value: "mine", label: { nl: `Mijn deel (${share.length})`, en: `My share (${share.length})` } },
                      { value: "all", label: { nl: `De hele groep (${open.length})`, en: `The whole group (${open.length})` } },
                    ],
                  }),
                ]
              : []),
          ],
          validate(values): FieldError[] {
            if (typeof values.moments !== "string") return [];
            const parsed = parseMoments(values.moments);
            return parsed.ok
              ? []
              : [{ fieldId: "moments", message: { nl: `Dit kan ik niet lezen: "${parsed.problem}". Schrijf bijvoorbeeld "di 10:30-11:15".`, en: `I cannot read "${parsed.problem}". Write e.g. "tue 10:30-11:15".` } }];
          },
        });
        const proposal = proposalFor(ctx, data, target, answers);
        if (!proposal || answers.moments === undefined) return steps;
        const parsed = parseMoments(text(answers, "moments", "moments") ?? "");
        steps.push({
          id: "proposal",
          title: { nl: "Voorstel", en: "Proposal" },
          intro: {
            nl: `Op ${parsed.ok ? formatMoments(parsed.moments, "nl") : ""}: ${proposal.planned.length} gesprek(ken). Niet goed? Kies 'terug' en pas de momenten aan.`,
            en: `On ${parsed.ok ? formatMoments(parsed.moments, "en") : ""}: ${proposal.planned.length} conversation(s). Not right? Choose 'back' and adjust the moments.`,
          },
          info: [
            ...(proposal.planned.length === 0 && proposal.unplaced.length > 0
              ? [nl ? "Geen van deze momenten valt op een schooldag waarop jij werkt, vanaf morgen tot het einde van de ronde." : "None of these moments falls on a school day you work, from tomorrow to the end of the round."]
              : []),
            ...proposal.planned.map((p) => `${formatLocalDate(p.date, ctx.locale)} ${p.time} — ${nameOf(target, p.pupilId)}`),
            ...(proposal.unplaced.length
              ? [nl ? `Past niet meer: ${proposal.unplaced.map((id) => nameOf(target, id)).join(", ")}. Voeg een moment toe of plan ze zelf.` : `Does not fit: ${proposal.unplaced.map((id) => nameOf(target, id)).join(", ")}. Add a moment or plan them yourself.`]
              : []),
          ],
          fields: [field({ id: "accept", kind: "yesNo", label: { nl: "Zo inplannen?", en: "Plan it like this?" }, required: true, defaultValue: true })],
        });
        return steps;
      },
    };
  },
  async complete(ctx, _subject, answers) {
    const nl = ctx.locale === "nl";
    const data = await loadPlanData(ctx);
    const { calendar } = data;
    const target = chosen(answers, data);
    if (!target) throw new NotFoundError("round");
    let items: { pupilId: string; plannedAt: Date; durationMinutes: number }[] = [];
    if (answers.mode?.mode === "manual") {
      for (let i = 1; i <= MAX_MANUAL && answers[`manual${i}`]; i++) {
        const step = answers[`manual${i}`]!;
        items.push({ pupilId: String(step.pupil), plannedAt: atSchoolTime(calendar, String(step.date), String(step.time)), durationMinutes: Number(step.minutes ?? DEFAULT_MINUTES) });
      }
      // The same pupil chosen twice: the last choice counts.
      items = [...new Map(items.map((i) => [i.pupilId, i])).values()];
    } else {
      if (answers.proposal?.accept !== true) return { text: nl ? "Niets gepland. Typ `plannen` om opnieuw te beginnen." : "Nothing planned. Type `plan` to start again." };
      const proposal = proposalFor(ctx, data, target, answers);
      const minutes = num(answers, "moments", "minutes") ?? DEFAULT_MINUTES;
      items = (proposal?.planned ?? []).map((p) => ({ pupilId: p.pupilId, plannedAt: atSchoolTime(calendar, p.date, p.time), durationMinutes: minutes }));
    }
    // A proposal never moves a pupil a colleague planned in the meantime; by hand, a move is the point.
    const planned = await planConversations(ctx.tx, ctx.actor, target.round.id, target.group.id, items, { moveExisting: answers.mode?.mode === "manual" });
    if (planned.length === 0) return { text: nl ? "Er viel niets te plannen." : "There was nothing to plan." };
    const first = (id: string) => target.pupils.find((p) => p.id === id)?.firstName ?? "";
    const ics = conversationsCalendar(
      planned.map((p) => ({
        uid: `${p.id}@gesprekswijzer`,
        start: p.plannedAt,
        durationMinutes: p.durationMinutes,
        title: nl ? `Kindgesprek ${first(p.pupilId)}` : `Conversation with ${first(p.pupilId)}`,
      })),
    );
    const lines = [...planned]
      .sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime())
      .map((p) => `${formatLocalDate(localDate(p.plannedAt, calendar.timezone), ctx.locale)} ${localTime(p.plannedAt, calendar.timezone)} — ${nameOf(target, p.pupilId)}`);
    return {
      text: [
        nl ? `${planned.length} gesprek(ken) gepland:` : `${planned.length} conversation(s) planned:`,
        ...lines,
        nl ? "Je krijgt de schooldag ervoor een herinnering om voor te bereiden. Het agendabestand zet ze in je agenda." : "You get a reminder to prepare on the school day before. The calendar file puts them in your calendar.",
      ].join("\n"),
      attachments: [{ filename: "kindgesprekken.ics", contentType: "text/calendar", content: ics }],
    };
  },
};

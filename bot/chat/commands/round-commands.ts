// Rounds (team leader), planning (teacher) and reminder settings (everyone).
import { listRoundableGroups, listRounds, roundProgress } from "../../services/rounds.js";
import { RECENT_ROUND_DAYS } from "../../services/round-membership.js";
import { kindFromWord, KIND_WORDS, listPreferences, muteKind, snoozeKind, unmuteKind } from "../../reminders/preferences.js";
import { localDate, localTime } from "../../domain/local-time.js";
import { agreedParentTimes } from "../../services/parent-times.js";
import { addDays } from "../../domain/school-calendar.js";
import { formatLocalDate } from "../../domain/local-time.js";
import { NO_SUBJECT } from "../../guide/dialog-guide.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";
import type { PreferenceKind } from "../../domain/vocabulary.js";
import { translate } from "../../i18n/translate.js";

/** Rounds with progress counts: per group planned / held / evaluated / overdue. Never content. */
export async function roundsReply(ctx: CommandContext, now: Date): Promise<BotReply> {
  // Rounds that ended more than four weeks ago are history: the list stays short.
  const recent = addDays(localDate(now, ctx.actor.timezone), -RECENT_ROUND_DAYS);
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.endDate >= recent);
  const canCreate = (await listRoundableGroups(ctx.db, ctx.actor)).length > 0;
  const actions = canCreate ? [buttonFor(translate(ctx.actor.locale, "rounds.button.newRound"), "newRound")] : [];
  if (rounds.length === 0) {
    return { text: translate(ctx.actor.locale, "rounds.none"), actions };
  }
  const lines: string[] = [];
  for (const round of rounds) {
    const { groups } = await roundProgress(ctx.db, ctx.actor, round.id, now);
    lines.push(`**${round.name}** (${formatLocalDate(round.startDate, ctx.actor.locale)} – ${formatLocalDate(round.endDate, ctx.actor.locale)})`);
    for (const g of groups) {
      const overdue = g.overdue ? translate(ctx.actor.locale, "rounds.progress.overdue", { overdue: g.overdue }) : "";
      lines.push(
        translate(ctx.actor.locale, "rounds.progress", {
          group: g.groupName,
          planned: g.planned,
          pupils: g.pupils,
          held: g.held,
          evaluated: g.evaluated,
          overdue,
        }),
      );
    }
    lines.push(...(await agreedTimeLines(ctx, round)));
    if (round.manageable)
      actions.push(buttonFor(translate(ctx.actor.locale, "rounds.button.change", { name: round.name }), "editRound", { roundId: round.id }));
  }
  if (rounds.some((r) => r.teaching)) actions.push(buttonFor(translate(ctx.actor.locale, "rounds.button.plan"), "plan"));
  return { text: lines.join("\n"), actions: actions.slice(0, 12) };
}

/** A round held with the parents: the times agreed with each family, for the teacher's own pupils. */
async function agreedTimeLines(ctx: CommandContext, round: Parameters<typeof agreedParentTimes>[2]): Promise<string[]> {
  const times = await agreedParentTimes(ctx.db, ctx.actor, round);
  if (times.length === 0) return [];
  const { locale, timezone } = ctx.actor;
  return [
    translate(locale, "startgesprek.rounds.agreed", { count: times.length }),
    ...times.map((a) =>
      translate(locale, "startgesprek.rounds.line", {
        name: a.pupilName,
        when: translate(locale, "reminder.at", { date: formatLocalDate(localDate(a.plannedAt, timezone), locale), time: localTime(a.plannedAt, timezone) }),
        place: a.place ? ` (${a.place})` : "",
      }),
    ),
  ];
}

export async function newRoundCommand(ctx: CommandContext): Promise<BotReply[]> {
  if ((await listRoundableGroups(ctx.db, ctx.actor)).length === 0) return [{ text: ctx.t("forbidden") }];
  return ctx.guide.start(ctx.actor, "round", NO_SUBJECT);
}

/** "ronde wijzigen <naam>" or "ronde annuleren <naam>" (or a button with the round's id): the round flow with the round picked. */
export async function editRoundCommand(ctx: CommandContext, input: CommandInput, action: "edit" | "cancel"): Promise<BotReply[]> {
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.manageable);
  const id = input.args.roundId;
  const name = input.text.trim().toLowerCase();
  const wanted = id ? rounds.filter((r) => r.id === id) : name ? rounds.filter((r) => r.name.toLowerCase().includes(name)) : rounds;
  if (wanted.length === 0) return [{ text: translate(ctx.actor.locale, "rounds.noneToChange") }];
  if (wanted.length > 1) {
    const command = action === "cancel" ? "cancelRound" : "editRound";
    return [{ text: translate(ctx.actor.locale, "round.pick.title"), actions: wanted.map((r) => buttonFor(r.name, command, { roundId: r.id })) }];
  }
  return ctx.guide.start(ctx.actor, "round", NO_SUBJECT, { pick: { roundId: wanted[0]!.id, action } });
}

export async function planCommand(ctx: CommandContext): Promise<BotReply[]> {
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.teaching);
  if (rounds.length === 0) {
    return [{ text: translate(ctx.actor.locale, "rounds.noneToPlan") }];
  }
  return ctx.guide.start(ctx.actor, "plan", NO_SUBJECT);
}

/** A reminder setting a button changes, or what was typed after "herinneringen". */
type ReminderChange = { verb: string; kind: PreferenceKind | null; kindWord: string; amount?: string; unit?: string };

function reminderChangeOf(input: CommandInput): ReminderChange | null {
  if (input.args.set && input.args.kind) {
    const kind = input.args.kind as PreferenceKind;
    return { verb: input.args.set, kind, kindWord: KIND_WORDS[kind][0]! };
  }
  const words = input.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const [verb, kindWord, amount, unit] = words;
  return { verb: verb!, kind: kindWord ? kindFromWord(kindWord) : null, kindWord: kindWord ?? "", ...(amount ? { amount } : {}), ...(unit ? { unit } : {}) };
}

/**
 * "herinneringen" shows the settings; "herinneringen uit|aan <soort>" mutes or unmutes;
 * "herinneringen uitstellen <soort> [n dagen|weken]" snoozes (a week by default).
 */
export async function remindersCommand(ctx: CommandContext, input: CommandInput, now: Date): Promise<BotReply> {
  const today = localDate(now, ctx.actor.timezone);
  const change = reminderChangeOf(input);
  if (change) {
    const { verb, kind, amount, unit } = change;
    if (!kind) {
      const known = Object.values(KIND_WORDS)
        .map((w) => w[0])
        .join(", ");
      return { text: translate(ctx.actor.locale, "reminderSettings.whichKind", { known }) };
    }
    const label = translate(ctx.actor.locale, `reminderKind.${kind}`);
    if (["uit", "off", "stop", "mute"].includes(verb)) {
      await muteKind(ctx.db, ctx.actor, kind);
      return {
        text: translate(ctx.actor.locale, "reminderSettings.muted", { label }),
        actions: [buttonFor(translate(ctx.actor.locale, "reminderSettings.button.unmute"), "reminders", { set: "on", kind })],
      };
    }
    if (["aan", "on", "unmute"].includes(verb)) {
      await unmuteKind(ctx.db, ctx.actor, kind);
      return { text: translate(ctx.actor.locale, "reminderSettings.unmuted", { label }) };
    }
    if (["uitstellen", "snooze", "pauze", "pause"].includes(verb)) {
      const n = amount ? Number(amount) : 1;
      const weeks = !amount || /^(week|weken|weeks?)$/.test(unit ?? "week");
      if (!Number.isInteger(n) || n < 1 || n > 60) return { text: translate(ctx.actor.locale, "reminderSettings.howLong") };
      const until = await snoozeKind(ctx.db, ctx.actor, kind, today, weeks ? n * 7 : n);
      return { text: translate(ctx.actor.locale, "reminderSettings.snoozed", { label, date: formatLocalDate(until, ctx.actor.locale) }) };
    }
    return { text: translate(ctx.actor.locale, "reminderSettings.usage") };
  }
  const prefs = await listPreferences(ctx.db, ctx.actor);
  const lines = prefs.map((p) => {
    const label = translate(ctx.actor.locale, `reminderKind.${p.kind}`);
    const on = p.kind === "weekly_digest" ? p.enabled : !p.muted;
    const snoozed =
      on && p.snoozedUntil && p.snoozedUntil > today
        ? translate(ctx.actor.locale, "reminderSettings.snoozedUntil", { date: formatLocalDate(p.snoozedUntil, ctx.actor.locale) })
        : "";
    return `• ${label}: ${on ? translate(ctx.actor.locale, "reminderSettings.on") : translate(ctx.actor.locale, "reminderSettings.off")}${snoozed}`;
  });
  return {
    text: [translate(ctx.actor.locale, "reminderSettings.header"), ...lines].join("\n"),
    actions: prefs.map((p) => {
      const on = p.kind === "weekly_digest" ? p.enabled : !p.muted;
      const word = KIND_WORDS[p.kind][0]!;
      return buttonFor(`${word}: ${translate(ctx.actor.locale, on ? "reminderSettings.button.turnOff" : "reminderSettings.button.turnOn")}`, "reminders", {
        set: on ? "off" : "on",
        kind: p.kind,
      });
    }),
  };
}

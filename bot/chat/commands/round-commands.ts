// Rounds (team leader), planning (teacher) and reminder settings (everyone).
import { listRoundableGroups, listRounds, roundProgress } from "../../services/rounds.js";
import { kindFromWord, KIND_WORDS, listPreferences, muteKind, snoozeKind, unmuteKind } from "../../reminders/preferences.js";
import { localDate } from "../../domain/local-time.js";
import { addDays } from "../../domain/school-calendar.js";
import { formatLocalDate } from "../../domain/local-time.js";
import { NO_SUBJECT } from "../../guide/dialog-guide.js";
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import type { CommandContext, CommandInput } from "./context.js";
import type { PreferenceKind } from "../../domain/vocabulary.js";


/** Rounds with progress counts: per group planned / held / evaluated / overdue. Never content. */
export async function roundsReply(ctx: CommandContext, now: Date): Promise<BotReply> {
  const nl = ctx.actor.locale === "nl";
  // Rounds that ended more than four weeks ago are history: the list stays short.
  const recent = addDays(localDate(now, ctx.actor.timezone), -28);
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.endDate >= recent);
  const canCreate = (await listRoundableGroups(ctx.db, ctx.actor)).length > 0;
  const actions = canCreate ? [buttonFor(nl ? "Nieuwe ronde" : "New round", "newRound")] : [];
  if (rounds.length === 0) {
    return { text: nl ? "Er loopt geen gespreksronde." : "No conversation round is running.", actions };
  }
  const lines: string[] = [];
  for (const round of rounds) {
    const { groups } = await roundProgress(ctx.db, ctx.actor, round.id, now);
    lines.push(`**${round.name}** (${formatLocalDate(round.startDate, ctx.actor.locale)} – ${formatLocalDate(round.endDate, ctx.actor.locale)})`);
    for (const g of groups) {
      lines.push(
        nl
          ? `${g.groupName}: ${g.planned}/${g.pupils} gepland, ${g.held} gehouden, ${g.evaluated} geëvalueerd${g.overdue ? `, ${g.overdue} achter` : ""}`
          : `${g.groupName}: ${g.planned}/${g.pupils} planned, ${g.held} held, ${g.evaluated} evaluated${g.overdue ? `, ${g.overdue} overdue` : ""}`,
      );
    }
    if (round.manageable) actions.push(buttonFor(nl ? `Wijzig ${round.name}` : `Change ${round.name}`, "editRound", { roundId: round.id }));
  }
  if (rounds.some((r) => r.teaching)) actions.push(buttonFor(nl ? "Plannen" : "Plan", "plan"));
  return { text: lines.join("\n"), actions: actions.slice(0, 12) };
}

export async function newRoundCommand(ctx: CommandContext): Promise<BotReply[]> {
  if ((await listRoundableGroups(ctx.db, ctx.actor)).length === 0) return [{ text: ctx.t("forbidden") }];
  return ctx.guide.start(ctx.actor, "round", NO_SUBJECT);
}

/** "ronde wijzigen <naam>" or "ronde annuleren <naam>" (or a button with the round's id): the round flow with the round picked. */
export async function editRoundCommand(ctx: CommandContext, input: CommandInput, action: "edit" | "cancel"): Promise<BotReply[]> {
  const nl = ctx.actor.locale === "nl";
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.manageable);
  const id = input.args.roundId;
  const name = input.text.trim().toLowerCase();
  const wanted = id ? rounds.filter((r) => r.id === id) : name ? rounds.filter((r) => r.name.toLowerCase().includes(name)) : rounds;
  if (wanted.length === 0) return [{ text: nl ? "Ik vind geen ronde die je kunt wijzigen." : "I find no round you can change." }];
  if (wanted.length > 1) {
    const command = action === "cancel" ? "cancelRound" : "editRound";
    return [{ text: nl ? "Welke ronde?" : "Which round?", actions: wanted.map((r) => buttonFor(r.name, command, { roundId: r.id })) }];
  }
  return ctx.guide.start(ctx.actor, "round", NO_SUBJECT, { pick: { roundId: wanted[0]!.id, action } });
}

export async function planCommand(ctx: CommandContext): Promise<BotReply[]> {
  const rounds = (await listRounds(ctx.db, ctx.actor)).filter((r) => r.teaching);
  if (rounds.length === 0) {
    const nl = ctx.actor.locale === "nl";
    return [{ text: nl ? "Er loopt geen gespreksronde voor jouw groep. Een gesprek buiten een ronde plan je met `voorbereiden <naam>`." : "No round is running for your group. Plan a conversation outside a round with `prepare <name>`." }];
  }
  return ctx.guide.start(ctx.actor, "plan", NO_SUBJECT);
}

const KIND_LABELS = {
  plan_nudge: { nl: "plannen (ronde start en halverwege)", en: "planning (round start and halfway)" },
  prepare_reminder: { nl: "voorbereiden (schooldag ervoor)", en: "preparing (school day before)" },
  unrecorded_nudge: { nl: "vastleggen (na een gepland gesprek)", en: "recording (after a planned conversation)" },
  evaluation_due: { nl: "evalueren (op de evaluatiedatum)", en: "evaluating (on the evaluation date)" },
  weekly_digest: { nl: "weekoverzicht (maandag)", en: "weekly digest (Monday)" },
} as const;

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
  const nl = ctx.actor.locale === "nl";
  const today = localDate(now, ctx.actor.timezone);
  const change = reminderChangeOf(input);
  if (change) {
    const { verb, kind, amount, unit } = change;
    if (!kind) {
      const known = Object.values(KIND_WORDS).map((w) => w[0]).join(", ");
      return { text: nl ? `Welke herinneringen? Kies uit: ${known}.` : `Which reminders? Choose from: ${known}.` };
    }
    const label = KIND_LABELS[kind][ctx.actor.locale];
    if (["uit", "off", "stop", "mute"].includes(verb)) {
      await muteKind(ctx.db, ctx.actor, kind);
      return { text: nl ? `Herinneringen voor ${label} staan uit.` : `Reminders for ${label} are off.`, actions: [buttonFor(nl ? "Weer aan" : "Turn on again", "reminders", { set: "on", kind })] };
    }
    if (["aan", "on", "unmute"].includes(verb)) {
      await unmuteKind(ctx.db, ctx.actor, kind);
      return { text: nl ? `Herinneringen voor ${label} staan aan.` : `Reminders for ${label} are on.` };
    }
    if (["uitstellen", "snooze", "pauze", "pause"].includes(verb)) {
      const n = amount ? Number(amount) : 1;
      const weeks = !amount || /^(week|weken|weeks?)$/.test(unit ?? "week");
      if (!Number.isInteger(n) || n < 1 || n > 60) return { text: nl ? "Hoe lang? Bijvoorbeeld `herinneringen uitstellen evalueren 2 weken`." : "How long? For example `reminders snooze evaluating 2 weeks`." };
      const until = await snoozeKind(ctx.db, ctx.actor, kind, today, weeks ? n * 7 : n);
      return { text: nl ? `Herinneringen voor ${label} wachten tot ${formatLocalDate(until, "nl")}.` : `Reminders for ${label} wait until ${formatLocalDate(until, "en")}.` };
    }
    return { text: nl ? "Typ `herinneringen uit <soort>`, `herinneringen aan <soort>` of `herinneringen uitstellen <soort> 1 week`." : "Type `reminders off <kind>`, `reminders on <kind>` or `reminders snooze <kind> 1 week`." };
  }
  const prefs = await listPreferences(ctx.db, ctx.actor);
  const lines = prefs.map((p) => {
    const label = KIND_LABELS[p.kind][ctx.actor.locale];
    const on = p.kind === "weekly_digest" ? p.enabled : !p.muted;
    const snoozed = on && p.snoozedUntil && p.snoozedUntil > today ? (nl ? ` (uitgesteld tot ${formatLocalDate(p.snoozedUntil, "nl")})` : ` (snoozed until ${formatLocalDate(p.snoozedUntil, "en")})`) : "";
    return `• ${label}: ${on ? (nl ? "aan" : "on") : nl ? "uit" : "off"}${snoozed}`;
  });
  return {
    text: [nl ? "Je herinneringen (alleen op schooldagen, binnen schooltijd):" : "Your reminders (school days only, within school hours):", ...lines].join("\n"),
    actions: prefs.map((p) => {
      const on = p.kind === "weekly_digest" ? p.enabled : !p.muted;
      const word = KIND_WORDS[p.kind][0]!;
      return buttonFor(`${word}: ${on ? (nl ? "uitzetten" : "turn off") : nl ? "aanzetten" : "turn on"}`, "reminders", { set: on ? "off" : "on", kind: p.kind });
    }),
  };
}

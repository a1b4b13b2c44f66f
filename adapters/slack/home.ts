// The App Home tab: a teacher's overview — unfinished drafts to resume, upcoming (planned or
// prepared) conversations, evaluations due this week, and their groups — with buttons that send
// commands like typed text. Read through the core's services, which check access and audit.
import type { Db } from "../../bot/db/client.js";
import type { ChannelUser } from "../../bot/channel/types.js";
import { resolveStaffId } from "../../bot/chat/identity.js";
import { loadActor } from "../../bot/auth/actor.js";
import { localDate } from "../../bot/domain/local-time.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import { ErrorCode, toAppError } from "../../bot/errors.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { getGroupOverviews, listDueEvaluations } from "../../bot/services/group-overview.js";
import { listOpenSessions } from "../../bot/services/dialog-sessions.js";
import { SLACK_LIMITS, truncate, type Block, type Button } from "../../dialogs/render/block-kit.js";
import { COMMAND_ACTION_PREFIX, textSections } from "./outbound.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { fill, slackTexts } from "./texts.js";

export interface HomeView {
  type: "home";
  blocks: Block[];
}

/** Lines per list: the home tab holds at most 100 blocks. */
const MAX_LINES = 12;
const MAX_DRAFT_BUTTONS = 5;

const shortDate = (iso: string) => iso.split("-").reverse().join("-");

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Buttons that send a command; action ids must be unique within a view, so they are numbered. */
function buttonMaker() {
  let n = 0;
  return (label: string, command: string, primary = false): Button => {
    const b: Button = { type: "button", action_id: `${COMMAND_ACTION_PREFIX}h${n++}`, text: { type: "plain_text", text: truncate(label, SLACK_LIMITS.buttonText), emoji: true }, value: command };
    if (primary) b.style = "primary";
    return b;
  };
}

function header(text: string): Block {
  return { type: "header", text: { type: "plain_text", text: truncate(text, SLACK_LIMITS.headerText), emoji: true } };
}

function list(lines: string[], empty: string, more: (n: number) => string): Block[] {
  if (lines.length === 0) return [{ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(empty) }] }];
  const shown = lines.slice(0, MAX_LINES);
  if (lines.length > shown.length) shown.push(more(lines.length - shown.length));
  return [{ type: "section", text: { type: "mrkdwn", text: truncate(shown.join("\n"), SLACK_LIMITS.sectionText) } }];
}

function refusalHome(text: string): HomeView {
  return { type: "home", blocks: textSections(text) };
}

export async function buildHomeView(db: Db, user: ChannelUser, defaultLocale: Locale, now = new Date()): Promise<HomeView> {
  let staffId: string;
  try {
    staffId = await resolveStaffId(db, user);
  } catch (error) {
    const code = toAppError(error).code;
    const t = translatorFor(defaultLocale);
    if (code === ErrorCode.UnknownTenant) return refusalHome(t("unknownTenant"));
    if (code === ErrorCode.UnknownUser) return refusalHome(t("unknownUser"));
    throw error;
  }
  const actor = await loadActor(db, staffId);
  const staff = await db.staff.findUniqueOrThrow({ where: { id: staffId }, select: { displayName: true } });
  const locale = actor.locale;
  const s = slackTexts(locale);
  const t = translatorFor(locale);
  const today = localDate(now, actor.timezone);
  const [overviews, due, drafts] = await Promise.all([
    getGroupOverviews(db, actor, today),
    listDueEvaluations(db, actor, addDays(today, 7)),
    listOpenSessions(db, staffId),
  ]);
  const pupilNames = new Map(overviews.flatMap((o) => o.pupils.map((p) => [p.id, p.name] as const)));
  const button = buttonMaker();
  const more = (n: number) => `_${fill(s.homeMore, { count: n })}_`;

  const blocks: Block[] = [
    header(s.homeTitle),
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(fill(s.homeHello, { name: staff.displayName.split(" ")[0] ?? staff.displayName })) } },
    {
      type: "actions",
      elements: [
        button(t("button.prepare"), "voorbereiden", true),
        button(t("button.conversation"), "gesprek"),
        button(t("button.note"), "notitie"),
        button(t("button.evaluations"), "evaluaties"),
        button(t("button.overview"), "overzicht"),
        button(t("button.help"), "help"),
      ],
    },
  ];

  blocks.push(header(s.homeDrafts));
  const draftLines = drafts.map((d) => {
    const who = d.pupilId ? pupilNames.get(d.pupilId) : undefined;
    const kind = s.kind[d.kind] ?? d.kind;
    const paused = d.status === "paused" ? ` · ${s.paused}` : "";
    return `• *${escapeMrkdwn(kind)}*${who ? ` — ${escapeMrkdwn(who)}` : ""} · ${shortDate(localDate(d.updatedAt, actor.timezone))}${paused}`;
  });
  blocks.push(...list(draftLines, s.homeNoDrafts, more));
  if (drafts.length) blocks.push({ type: "actions", elements: drafts.slice(0, MAX_DRAFT_BUTTONS).map((d, i) => button(`${s.resume} ${i + 1}`, `verder id:${d.id}`, i === 0)) });

  blocks.push(header(s.homeUpcoming));
  const upcoming = overviews.flatMap((o) =>
    o.pupils.filter((p) => p.status === "planned" || p.status === "prepared").map((p) => `• ${escapeMrkdwn(p.name)} (${escapeMrkdwn(o.groupName)}) · ${s.status[p.status!] ?? p.status}`),
  );
  blocks.push(...list(upcoming, s.homeNoUpcoming, more));

  blocks.push(header(s.homeDue));
  const dueLines = due.map((d) => `• ${shortDate(d.evaluationDate)} · *${escapeMrkdwn(d.pupilName)}*: ${escapeMrkdwn(d.goalText.replace(/\s+/g, " "))}`);
  blocks.push(...list(dueLines, s.homeNoDue, more));
  const duePupils = [...new Map(due.map((d) => [d.pupilId, d])).values()].slice(0, 5);
  if (duePupils.length) blocks.push({ type: "actions", elements: duePupils.map((d) => button(`${s.timeline}: ${d.pupilName}`, `leerling id:${d.pupilId}`)) });

  blocks.push(header(s.homeGroups));
  const groupLines = overviews.map((o) => fill(s.homeGroupLine, { group: escapeMrkdwn(o.groupName), held: o.held, total: o.pupils.length, since: shortDate(o.since) }));
  blocks.push(...list(groupLines, s.homeNoGroups, more));
  if (overviews.length) blocks.push({ type: "actions", elements: [button(t("button.myGroup"), "mijn groep")] });

  const time = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { timeZone: actor.timezone, hour: "2-digit", minute: "2-digit" }).format(now);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: fill(s.homeUpdated, { time }) }] });
  return { type: "home", blocks: blocks.slice(0, 100) };
}

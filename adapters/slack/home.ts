// The App Home tab: a teacher's overview from the core (core.home) — unfinished drafts to resume,
// upcoming (planned or prepared) conversations, evaluations due this week, and their groups —
// rendered as Block Kit, with buttons that carry typed actions. Pure.
import type { CommandAction, HomeSummary, TeacherHome } from "../../bot/channel/types.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { SLACK_LIMITS, truncate, type Block, type Button } from "../../dialogs/render/block-kit.js";
import { COMMAND_ACTION_PREFIX, textSections } from "./outbound.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { fill, slackTexts } from "./texts.js";
import { encodeAction } from "../shared/button-action.js";

export interface HomeView {
  type: "home";
  blocks: Block[];
}

/** Lines per list: the home tab holds at most 100 blocks. */
const MAX_LINES = 12;
const MAX_DRAFT_BUTTONS = 5;

const shortDate = (iso: string) => iso.split("-").reverse().join("-");

/** Buttons with a typed action; action ids must be unique within a view, so they are numbered. */
function buttonMaker() {
  let n = 0;
  return (label: string, action: CommandAction, primary = false): Button => {
    const b: Button = { type: "button", action_id: `${COMMAND_ACTION_PREFIX}h${n++}`, text: { type: "plain_text", text: truncate(label, SLACK_LIMITS.buttonText), emoji: true }, value: encodeAction(action) };
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

export function renderHomeView(summary: HomeSummary): HomeView {
  if (summary.kind === "refused") return { type: "home", blocks: textSections(summary.text) };
  return { type: "home", blocks: teacherBlocks(summary).slice(0, 100) };
}

function teacherBlocks(home: TeacherHome): Block[] {
  const s = slackTexts(home.locale);
  const t = translatorFor(home.locale);
  const button = buttonMaker();
  const more = (n: number) => `_${fill(s.homeMore, { count: n })}_`;

  const blocks: Block[] = [
    header(s.homeTitle),
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(fill(s.homeHello, { name: home.firstName })) } },
    {
      type: "actions",
      elements: [
        button(t("button.prepare"), { command: "prepare" }, true),
        button(t("button.conversation"), { command: "conversation" }),
        button(t("button.note"), { command: "note" }),
        button(t("button.evaluations"), { command: "evaluations" }),
        button(t("button.overview"), { command: "overview" }),
        button(t("button.help"), { command: "help" }),
      ],
    },
  ];

  blocks.push(header(s.homeDrafts));
  const draftLines = home.drafts.map((d) => {
    const kind = s.kind[d.kind] ?? d.kind;
    const paused = d.paused ? ` · ${s.paused}` : "";
    return `• *${escapeMrkdwn(kind)}*${d.pupilName ? ` — ${escapeMrkdwn(d.pupilName)}` : ""} · ${shortDate(d.updatedOn)}${paused}`;
  });
  blocks.push(...list(draftLines, s.homeNoDrafts, more));
  if (home.drafts.length) blocks.push({ type: "actions", elements: home.drafts.slice(0, MAX_DRAFT_BUTTONS).map((d, i) => button(`${s.resume} ${i + 1}`, { command: "resume", args: { sessionId: d.sessionId } }, i === 0)) });

  blocks.push(header(s.homeUpcoming));
  const upcoming = home.upcoming.map((p) => `• ${escapeMrkdwn(p.pupilName)} (${escapeMrkdwn(p.groupName)}) · ${s.status[p.status] ?? p.status}`);
  blocks.push(...list(upcoming, s.homeNoUpcoming, more));

  blocks.push(header(s.homeDue));
  const dueLines = home.due.map((d) => `• ${shortDate(d.evaluationDate)} · *${escapeMrkdwn(d.pupilName)}*: ${escapeMrkdwn(d.goalText.replace(/\s+/g, " "))}`);
  blocks.push(...list(dueLines, s.homeNoDue, more));
  const duePupils = [...new Map(home.due.map((d) => [d.pupilId, d])).values()].slice(0, 5);
  if (duePupils.length) blocks.push({ type: "actions", elements: duePupils.map((d) => button(`${s.timeline}: ${d.pupilName}`, { command: "pupil", args: { pupilId: d.pupilId } })) });

  blocks.push(header(s.homeGroups));
  const groupLines = home.groups.map((g) => fill(s.homeGroupLine, { group: escapeMrkdwn(g.groupName), held: g.held, total: g.total, since: shortDate(g.since) }));
  blocks.push(...list(groupLines, s.homeNoGroups, more));
  if (home.groups.length) blocks.push({ type: "actions", elements: [button(t("button.myGroup"), { command: "myGroup" })] });

  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: fill(s.homeUpdated, { time: home.updatedAt }) }] });
  return blocks;
}

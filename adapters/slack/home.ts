// The App Home tab: a teacher's overview from the core (core.home) — unfinished drafts to resume,
// upcoming (planned or prepared) conversations, evaluations due this week, and their groups —
// rendered as Block Kit, with buttons that carry typed actions. Pure.
import type { CommandAction, HomeSummary, TeacherHome } from "../../bot/channel/types.js";
import { typedDate } from "../../bot/domain/local-time.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { SLACK_LIMITS, truncate, type Block, type Button } from "../../dialogs/render/block-kit/index.js";
import { COMMAND_ACTION_PREFIX, textSections } from "./outbound.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { slackText, slackTextOr } from "./texts.js";
import { encodeAction } from "../shared/button-action.js";

export interface HomeView {
  type: "home";
  blocks: Block[];
}

/** Lines per list: the home tab holds at most 100 blocks. */
const MAX_LINES = 12;
const MAX_DRAFT_BUTTONS = 5;

const shortDate = typedDate;

/** Buttons with a typed action; action ids must be unique within a view, so they are numbered. */
function buttonMaker() {
  let n = 0;
  return (label: string, action: CommandAction, primary = false): Button => {
    const b: Button = {
      type: "button",
      action_id: `${COMMAND_ACTION_PREFIX}h${n++}`,
      text: { type: "plain_text", text: truncate(label, SLACK_LIMITS.buttonText), emoji: true },
      value: encodeAction(action),
    };
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
  const lang = home.locale;
  const t = translatorFor(home.locale);
  const button = buttonMaker();
  const more = (n: number) => `_${slackText(lang, "home.more", { count: n })}_`;

  const blocks: Block[] = [
    header(slackText(lang, "home.title")),
    { type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(slackText(lang, "home.hello", { name: home.firstName })) } },
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

  blocks.push(header(slackText(lang, "home.drafts")));
  const draftLines = home.drafts.map((d) => {
    const kind = slackTextOr(lang, `home.kind.${d.kind}`, d.kind);
    const paused = d.paused ? ` · ${slackText(lang, "home.paused")}` : "";
    return `• *${escapeMrkdwn(kind)}*${d.pupilName ? ` — ${escapeMrkdwn(d.pupilName)}` : ""} · ${shortDate(d.updatedOn)}${paused}`;
  });
  blocks.push(...list(draftLines, slackText(lang, "home.noDrafts"), more));
  if (home.drafts.length)
    blocks.push({
      type: "actions",
      elements: home.drafts
        .slice(0, MAX_DRAFT_BUTTONS)
        .map((d, i) => button(`${slackText(lang, "home.resume")} ${i + 1}`, { command: "resume", args: { sessionId: d.sessionId } }, i === 0)),
    });

  blocks.push(header(slackText(lang, "home.upcoming")));
  const upcoming = home.upcoming.map(
    (p) => `• ${escapeMrkdwn(p.pupilName)} (${escapeMrkdwn(p.groupName)}) · ${slackTextOr(lang, `home.status.${p.status}`, p.status)}`,
  );
  blocks.push(...list(upcoming, slackText(lang, "home.noUpcoming"), more));

  blocks.push(header(slackText(lang, "home.due")));
  const dueLines = home.due.map((d) => `• ${shortDate(d.evaluationDate)} · *${escapeMrkdwn(d.pupilName)}*: ${escapeMrkdwn(d.goalText.replace(/\s+/g, " "))}`);
  blocks.push(...list(dueLines, slackText(lang, "home.noDue"), more));
  const duePupils = [...new Map(home.due.map((d) => [d.pupilId, d])).values()].slice(0, 5);
  if (duePupils.length)
    blocks.push({
      type: "actions",
      elements: duePupils.map((d) => button(`${slackText(lang, "home.timeline")}: ${d.pupilName}`, { command: "pupil", args: { pupilId: d.pupilId } })),
    });

  blocks.push(header(slackText(lang, "home.groups")));
  const groupLines = home.groups.map((g) =>
    slackText(lang, "home.groupLine", {
      group: escapeMrkdwn(g.groupName),
      count: g.held,
      pupils: slackText(lang, "home.pupils", { count: g.total }),
      since: shortDate(g.since),
    }),
  );
  blocks.push(...list(groupLines, slackText(lang, "home.noGroups"), more));
  if (home.groups.length) blocks.push({ type: "actions", elements: [button(t("button.myGroup"), { command: "myGroup" })] });

  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: slackText(lang, "home.updated", { time: home.updatedAt }) }] });
  return blocks;
}

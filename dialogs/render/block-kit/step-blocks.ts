// The blocks a step's modal and its DM message share: header, progress, step errors, the
// optional texts (fitted to the room left), step buttons and option lists.
import type { FieldView, StepView, Submission } from "../../engine/types.js";
import { progressLabel } from "../text.js";
import {
  SLACK_LIMITS,
  type Block,
  type Button,
  type ContextBlock,
  type HeaderBlock,
  type MultiStaticSelect,
  type SectionBlock,
  type SlackOption,
  type SlackOptionGroup,
  type StaticSelect,
  type StepToken,
} from "./schema.js";
import { escapeMrkdwn, mrkdwn, oneLine, plain, truncate } from "./text.js";
import { renderText } from "../texts.js";

/** Every input block is `f_<fieldId>`; field ids are restricted, so this cannot collide. */
export const INPUT_PREFIX = "f_";
export const FIELD_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** The element inside each input block: one per block, so one fixed action id. */
export const VALUE_ACTION_ID = "value";
export const STEP_ACTIONS_BLOCK_ID = "gw_step_actions";
export const OPEN_MODAL_ACTION_ID = "gw_open_modal";
export const FIELD_ACTION_PREFIX = "gw_field:";
export const STEP_ACTION_PREFIX = "gw_step_";

export function stepToken(view: StepView): StepToken {
  return { sessionId: view.sessionId, stepId: view.stepId, version: view.version };
}

export function headerBlock(view: StepView): HeaderBlock {
  return { type: "header", text: plain(view.title, SLACK_LIMITS.headerText) };
}

/** The dialog's full title (the modal's own title is cut at 24 characters) and "Stap 2/7". */
export function progressContext(view: StepView): ContextBlock {
  return {
    type: "context",
    elements: [mrkdwn(`${escapeMrkdwn(oneLine(view.dialogTitle))} · ${progressLabel(view)}`, SLACK_LIMITS.contextText)],
  };
}

export function stepErrorsBlock(view: StepView): SectionBlock | undefined {
  const errors = view.errors.map((e) => e.trim()).filter((e) => e !== "");
  if (!errors.length) return undefined;
  const text = errors.map((e) => `:warning: *${escapeMrkdwn(oneLine(e))}*`).join("\n");
  return { type: "section", text: mrkdwn(text, SLACK_LIMITS.sectionText) };
}

/**
 * Intro, tips and info lines in the room that is left, in that order of importance: info lines
 * are dropped first, then tips, then the intro; when anything is dropped a context block says so.
 */
export function fitOptionalBlocks(view: StepView, room: number): Block[] {
  const intro: Block[] = view.intro?.trim() ? [{ type: "section", text: mrkdwn(escapeMrkdwn(view.intro.trim()), SLACK_LIMITS.sectionText) }] : [];
  const info: Block[] = infoSections(view.info);
  const tips: Block[] = view.tips
    .map((tip) => tip.trim())
    .filter((tip) => tip !== "")
    .map((tip): Block => ({ type: "context", elements: [mrkdwn(`:bulb: ${escapeMrkdwn(tip)}`, SLACK_LIMITS.contextText)] }));

  const wanted = intro.length + info.length + tips.length;
  if (wanted <= room) return [...intro, ...info, ...tips];

  // Keep by importance (intro, tips, info) in room - 1, the last block being the note.
  let left = Math.max(0, room - 1);
  const take = (blocks: Block[]) => {
    const kept = blocks.slice(0, left);
    left -= kept.length;
    return kept;
  };
  const keptIntro = take(intro);
  const keptTips = take(tips);
  const keptInfo = take(info);
  const note: Block[] =
    room >= 1 ? [{ type: "context", elements: [mrkdwn(`_${escapeMrkdwn(renderText(view.locale, "render.omitted"))}_`, SLACK_LIMITS.contextText)] }] : [];
  return [...keptIntro, ...keptInfo, ...note, ...keptTips];
}

/** Info lines as bullets, packed into as few sections as Slack's 3000 characters allow. */
function infoSections(lines: string[]): SectionBlock[] {
  const sections: SectionBlock[] = [];
  let current = "";
  for (const line of lines) {
    const trimmed = oneLine(line);
    if (!trimmed) continue;
    const bullet = truncate(`• ${escapeMrkdwn(trimmed)}`, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + bullet.length > SLACK_LIMITS.sectionText) {
      sections.push({ type: "section", text: mrkdwn(current, SLACK_LIMITS.sectionText) });
      current = "";
    }
    current = current ? `${current}\n${bullet}` : bullet;
  }
  if (current) sections.push({ type: "section", text: mrkdwn(current, SLACK_LIMITS.sectionText) });
  return sections;
}

export function stepButtons(view: StepView, token: StepToken, actions: Submission["action"][]): Button[] {
  const buttons: Button[] = [];
  for (const action of actions) {
    const label = view.actions[action];
    if (label === undefined || label.trim() === "") continue;
    const button: Button = {
      type: "button",
      action_id: `${STEP_ACTION_PREFIX}${action}`,
      text: plain(label, SLACK_LIMITS.buttonText),
      value: JSON.stringify({ ...token, action }),
    };
    if (action === "submit") button.style = "primary";
    if (action === "cancel") button.style = "danger";
    buttons.push(button);
  }
  return buttons;
}

export function yesNoOptions(lang: StepView["locale"]): SlackOption[] {
  return [
    { text: plain(renderText(lang, "render.yes"), SLACK_LIMITS.optionText), value: "true" },
    { text: plain(renderText(lang, "render.no"), SLACK_LIMITS.optionText), value: "false" },
  ];
}

export function choiceOptions(field: FieldView): SlackOption[] {
  return (field.options ?? []).map((o) => ({
    text: plain(o.icon ? `${o.icon} ${o.label}` : o.label, SLACK_LIMITS.optionText),
    value: o.value,
  }));
}

export const optionValues = (options: SlackOption[]): ReadonlySet<string> => new Set(options.map((o) => o.value));

/** Up to 100 options directly; more in groups of 100 (Slack allows 100 groups of 100). */
export function setSelectOptions(element: StaticSelect | MultiStaticSelect, options: SlackOption[]): void {
  const size = SLACK_LIMITS.selectOptions;
  if (options.length <= size) {
    element.options = options;
    return;
  }
  const groups: SlackOptionGroup[] = [];
  for (let start = 0; start < options.length && groups.length < SLACK_LIMITS.selectOptionGroups; start += size) {
    const chunk = options.slice(start, start + size);
    const first = chunk[0]?.text.text ?? "";
    const last = chunk[chunk.length - 1]?.text.text ?? "";
    groups.push({ label: plain(`${start + 1}–${start + chunk.length}: ${first} – ${last}`, SLACK_LIMITS.optionGroupLabel), options: chunk });
  }
  element.option_groups = groups;
}

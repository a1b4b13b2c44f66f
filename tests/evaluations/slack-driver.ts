// The evaluation scenario's driver for Slack: a button is pressed where Slack shows it (a
// block_actions payload for the button in the teacher's DM), a step is answered in the modal the
// adapter opened (view_submission with Slack's state.values), and what the teacher saw is read
// back from the fake Web API. Every request is signed and goes over HTTP into the adapter.
import { encodeAction } from "../../adapters/shared/button-action.js";
import type { CommandAction } from "../../bot/channel/types.js";
import { expect } from "vitest";
import type { FakeSlackApi, SlackCall } from "../support/fake-slack-api.js";
import type { SlackPerson, SlackSimulator } from "../support/slack-requests.js";
import { SlackTeacher, type View } from "../slack/slack-driver.js";
import type { ChannelDriver } from "./channel-scenario.js";

type Element = Record<string, unknown> & { type: string; options?: Array<{ text: unknown; value: string }> };

const stepIdOf = (view: View) => (JSON.parse(view.private_metadata) as { stepId: string }).stepId;

/** A modal's state.values as Slack sends them: every input block, empty where nothing was given. */
export function modalState(view: View, values: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || !block.block_id || !block.element) continue;
    const element = block.element as Element;
    const wanted = values[block.block_id.replace(/^f_/, "")];
    const chosen = element.options?.find((o) => o.value === wanted);
    if (wanted !== undefined && element.options && !chosen) throw new Error(`no option ${wanted} in ${block.block_id}`);
    const value: Record<string, unknown> = { type: element.type };
    if (element.type === "datepicker") value.selected_date = wanted ?? null;
    else if (element.type === "timepicker") value.selected_time = wanted ?? null;
    else if (element.type === "radio_buttons" || element.type === "static_select")
      value.selected_option = chosen ? { text: chosen.text, value: chosen.value } : null;
    else if (element.type === "plain_text_input" || element.type === "number_input") value.value = wanted ?? null;
    else throw new Error(`modalState: ${element.type} is not used by this scenario`);
    state[block.block_id] = { value };
  }
  return state;
}

export class SlackDriver implements ChannelDriver {
  private readonly teachers = new Map<string, SlackTeacher>();
  private readonly modals = new Map<string, View>();

  constructor(
    private readonly sim: SlackSimulator,
    private readonly fake: FakeSlackApi,
    people: Record<string, SlackPerson>,
    today: string,
  ) {
    for (const [user, who] of Object.entries(people)) this.teachers.set(user, new SlackTeacher(who, sim, fake, today));
  }

  private teacher(user: string): SlackTeacher {
    const teacher = this.teachers.get(user);
    if (!teacher) throw new Error(`unknown Slack user ${user}`);
    return teacher;
  }

  /** The DM messages (posted or replaced) and modals this user got since call `since`. */
  private seen(user: string, since: number): string {
    const dm = this.teacher(user).dmChannel;
    const calls = this.fake.calls
      .slice(since)
      .filter((c) => c.result === "ok" && (c.args.channel === dm || c.method === "views.open" || c.method === "views.update"));
    return calls
      .map((c: SlackCall) => `${String(c.args.text ?? "")} ${JSON.stringify(c.args.blocks ?? (c.args.view as { blocks?: unknown } | undefined)?.blocks ?? [])}`)
      .join("\n");
  }

  /**
   * Slack acks first and replies after: waits for the adapter's "turn settled" signal, then
   * checks a reply (a DM message or a modal) came when one is expected.
   */
  private async settle(user: string, since: number, expectReply: boolean): Promise<void> {
    await this.sim.settled();
    const dm = this.teacher(user).dmChannel;
    if (expectReply)
      expect(this.fake.calls.slice(since).some((c) => (c.method === "chat.postMessage" && c.args.channel === dm) || c.method === "views.open")).toBe(true);
  }

  /** Presses the newest button in the user's DM that carries this action (block_actions). */
  async press(user: string, action: CommandAction): Promise<string> {
    const command = encodeAction(action);
    const teacher = this.teacher(user);
    const found = [...this.fake.messages].reverse().flatMap((message) => {
      if (message.channel !== teacher.dmChannel) return [];
      const buttons = (message.blocks as Array<{ type: string; block_id?: string; elements?: Element[] }>).flatMap((b) =>
        b.type === "actions" ? (b.elements ?? []) : [],
      );
      const button = buttons.find((e) => e.type === "button" && e.value === command);
      return button ? [{ message, button }] : [];
    })[0];
    if (!found) throw new Error(`no button "${command}" in ${user}'s DM`);
    const since = this.fake.calls.length;
    const { message, button } = found;
    const payload = this.sim.blockActions(
      teacher.who,
      { type: "button", action_id: button.action_id, text: button.text, value: button.value },
      { message: { channel: message.channel, ts: message.ts } },
    );
    expect((await this.sim.interaction(payload)).status).toBe(200);
    await this.settle(user, since, true);
    const opened = this.fake.callsOf("views.open", since).find((c) => c.result === "ok");
    if (opened) {
      const stored = [...this.fake.views.values()].find((v) => v.view === opened.args.view)!;
      this.modals.set(user, { ...(opened.args.view as View), id: stored.id, hash: stored.hash });
    }
    return this.seen(user, since);
  }

  /** A message typed in the DM with the bot (message.im). */
  async type(user: string, text: string): Promise<string> {
    const since = this.fake.calls.length;
    expect((await this.sim.dm(this.teacher(user).who, text)).status).toBe(200);
    await this.settle(user, since, true);
    return this.seen(user, since);
  }

  /** Submits the modal this user has open; the ack says what it shows next (or that it closes). */
  async submitStep(user: string, values: Record<string, string>): Promise<{ stepId: string | null; text: string }> {
    const view = this.modals.get(user);
    if (!view) throw new Error(`no modal open for ${user}`);
    const since = this.fake.calls.length;
    const ack = await this.teacher(user).submit(view, modalState(view, values));
    if (ack?.response_action === "errors") return { stepId: stepIdOf(view), text: JSON.stringify(ack.errors) };
    if (ack?.response_action === "update") {
      // Slack shows the view from the ack in the same modal (same id, a new hash).
      const shown = this.fake.applyViewUpdate(view.id, ack.view as Record<string, unknown>);
      const next = { ...(ack.view as View), id: shown.id, hash: shown.hash };
      this.modals.set(user, next);
      await this.settle(user, since, false);
      return { stepId: stepIdOf(next), text: [JSON.stringify(next.blocks), this.seen(user, since)].join("\n") };
    }
    // "clear" (or an empty ack): the modal closes; what follows comes as DM messages.
    this.modals.delete(user);
    await this.settle(user, since, true);
    return { stepId: null, text: this.seen(user, since) };
  }
}

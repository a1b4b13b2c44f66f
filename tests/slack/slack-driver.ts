// Drives the Slack adapter like a teacher in Slack: signed requests into the running server,
// replies read from the fake Web API. Modals are filled from their own blocks.
import { expect } from "vitest";
import type { FakeSlackApi, SlackCall } from "../support/fake-slack-api.js";
import type { SlackPerson, SlackSimulator } from "../support/slack-requests.js";
import { plannedAnswer, type FieldShape } from "../channels/answers.js";

type Block = Record<string, unknown> & { type: string; block_id?: string; element?: Record<string, unknown> & { type: string } };
export type View = Record<string, unknown> & { id: string; hash: string; blocks: Block[]; private_metadata: string; title: { text: string } };

const option = (o: { text: unknown; value: string }) => ({ text: o.text, value: o.value });

function shapeOf(element: Record<string, unknown> & { type: string }): FieldShape {
  switch (element.type) {
    case "datepicker":
      return "date";
    case "timepicker":
      return "time";
    case "number_input":
      return "number";
    case "radio_buttons":
    case "static_select":
      return "choice";
    case "checkboxes":
    case "multi_static_select":
      return "multi";
    default:
      return "text";
  }
}

function optionsOf(element: Record<string, unknown>): Array<{ text: unknown; value: string }> {
  const direct = (element.options as Array<{ text: unknown; value: string }> | undefined) ?? [];
  const grouped = ((element.option_groups as Array<{ options: Array<{ text: unknown; value: string }> }> | undefined) ?? []).flatMap((g) => g.options);
  return [...direct, ...grouped];
}

/** A modal's state.values as Slack sends it, every input filled per the plan (or overridden). */
export function fillModal(view: View, today: string, overrides: Record<string, string | string[]> = {}): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || !block.block_id || !block.element) continue;
    const field = block.block_id.replace(/^f_/, "");
    const element = block.element;
    const options = optionsOf(element);
    const wanted =
      field in overrides
        ? overrides[field]!
        : plannedAnswer(
            field,
            shapeOf(element),
            options.map((o) => o.value),
            today,
            element.min_value ? Number(element.min_value) : undefined,
          );
    const state: Record<string, unknown> = { type: element.type };
    switch (element.type) {
      case "datepicker":
        state.selected_date = wanted;
        break;
      case "timepicker":
        state.selected_time = wanted;
        break;
      case "radio_buttons":
      case "static_select": {
        const chosen = options.find((o) => o.value === wanted);
        state.selected_option = chosen ? option(chosen) : null;
        break;
      }
      case "checkboxes":
      case "multi_static_select":
        state.selected_options = options.filter((o) => (wanted as string[]).includes(o.value)).map(option);
        break;
      default:
        state.value = wanted;
    }
    values[block.block_id] = { value: state };
  }
  return values;
}

export class SlackTeacher {
  constructor(
    readonly who: SlackPerson,
    private readonly sim: SlackSimulator,
    private readonly fake: FakeSlackApi,
    private readonly today: string,
  ) {}

  get dmChannel(): string {
    return `D${this.who.userId.slice(1)}`;
  }

  /** Messages posted to this teacher's DM since call index `since`. */
  posted(since: number): SlackCall[] {
    return this.fake.callsOf("chat.postMessage", since).filter((c) => c.args.channel === this.dmChannel && c.result === "ok");
  }

  textOf(calls: SlackCall[]): string {
    return calls.map((c) => `${String(c.args.text ?? "")} ${JSON.stringify(c.args.blocks ?? [])}`).join("\n");
  }

  /** Waits for a DM from the bot containing `needle`. */
  async dmContaining(needle: string, since: number): Promise<SlackCall> {
    return this.fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === this.dmChannel && JSON.stringify(c.args).includes(needle), since);
  }

  /** /kindgesprek <text>; returns the opened modal when the command opened one. */
  async command(text: string): Promise<{ response: Response; since: number }> {
    const since = this.fake.calls.length;
    const response = await this.sim.command(this.who, text);
    expect(response.status).toBe(200);
    return { response, since };
  }

  async openedModal(since: number): Promise<View> {
    const call = await this.fake.waitFor((c) => c.method === "views.open" && c.result === "ok", since);
    const id = [...this.fake.views.values()].find((v) => v.view === call.args.view)!;
    return { ...(call.args.view as View), id: id.id, hash: id.hash };
  }

  /** Submits the modal; returns Slack's parsed ack body ("" when empty). */
  async submit(view: View, values: Record<string, Record<string, unknown>>, trigger?: string): Promise<Record<string, unknown> | null> {
    const payload = this.sim.viewSubmission(this.who, { ...view, type: "modal", callback_id: "gw_step", state: { values } }, trigger);
    const response = await this.sim.interaction(payload);
    expect(response.status).toBe(200);
    const text = await response.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  }

  /** Fills and submits modal steps until Slack is told to close the modal. */
  async completeModal(first: View, overrides: Record<string, Record<string, string | string[]>> = {}): Promise<string[]> {
    let view = first;
    const visited: string[] = [];
    for (let i = 0; i < 40; i++) {
      const stepId = (JSON.parse(view.private_metadata) as { stepId: string }).stepId;
      visited.push(stepId);
      const ack = await this.submit(view, fillModal(view, this.today, overrides[stepId]));
      if (ack?.response_action === "clear" || ack === null) return visited;
      if (ack.response_action === "errors") throw new Error(`step ${stepId} refused: ${JSON.stringify(ack.errors)}`);
      expect(ack.response_action).toBe("update");
      // Slack applies the update to the same view (same id, a new hash).
      const stored = this.fake.applyViewUpdate(view.id, ack.view as Record<string, unknown>);
      view = { ...(ack.view as View), id: stored.id, hash: stored.hash };
    }
    throw new Error("modal dialog did not complete");
  }
}

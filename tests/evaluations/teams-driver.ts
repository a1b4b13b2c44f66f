// The evaluation scenario's driver for Microsoft Teams: a button is pressed where Teams shows it
// (the Action.Submit of a card the user got, its data as the activity's value), a step is
// answered by submitting the step card with its inputs, and what the user saw is read back from
// the fake connector. Every activity goes over HTTP into the Bot Framework adapter.
import type { CommandAction } from "../../bot/channel/types.js";
import { expect } from "vitest";
import type { FakeConnector, RecordedActivity } from "../support/fake-connector.js";
import type { ChannelDriver } from "./channel-scenario.js";

export interface TeamsPerson {
  aad: string;
  name: string;
  tenantId: string;
}

type Action = { type?: string; title: string; data?: Record<string, unknown> };
type Card = { body: Array<Record<string, unknown>>; actions?: Action[] };

export const teamsConversation = (who: TeamsPerson) => `a:personal-${who.aad}`;

export function cardOf(a: RecordedActivity): Card | undefined {
  const attachments = (a.activity.attachments as Array<{ contentType: string; content: Card }> | undefined) ?? [];
  return attachments.find((x) => x.contentType === "application/vnd.microsoft.card.adaptive")?.content;
}

const textOf = (sent: RecordedActivity[]) => sent.map((a) => `${String(a.activity.text ?? "")} ${JSON.stringify(cardOf(a) ?? "")}`).join("\n");
const stepSubmit = (a: RecordedActivity) => cardOf(a)?.actions?.find((x) => x.data?.gw === "step" && x.data.action === "submit")?.data;

export class TeamsDriver implements ChannelDriver {
  private readonly cards = new Map<string, RecordedActivity>();
  private n = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly connector: FakeConnector,
    private readonly people: Record<string, TeamsPerson>,
  ) {}

  private person(user: string): TeamsPerson {
    const who = this.people[user];
    if (!who) throw new Error(`unknown Teams user ${user}`);
    return who;
  }

  /** One activity from this user into /api/messages; returns what the bot sent back. */
  async post(user: string, fields: Record<string, unknown>): Promise<RecordedActivity[]> {
    const who = this.person(user);
    const before = this.connector.activities.length;
    const res = await fetch(`${this.baseUrl()}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: `in-${++this.n}`,
        channelId: "msteams",
        serviceUrl: this.connector.url,
        timestamp: new Date().toISOString(),
        locale: "nl-NL",
        from: { id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
        recipient: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
        conversation: { id: teamsConversation(who), conversationType: "personal", tenantId: who.tenantId },
        channelData: { tenant: { id: who.tenantId } },
        ...fields,
      }),
    });
    expect(res.status).toBeLessThan(300);
    return this.connector.activities.slice(before);
  }

  private remember(user: string, sent: RecordedActivity[]): string | null {
    const card = [...sent].reverse().find((a) => stepSubmit(a));
    if (card) this.cards.set(user, card);
    return card ? String(stepSubmit(card)!.stepId) : null;
  }

  /** Presses the newest card button in the user's chat that carries this action. */
  async press(user: string, wanted: CommandAction): Promise<string> {
    const conversation = teamsConversation(this.person(user));
    const action = [...this.connector.activities]
      .reverse()
      .filter((a) => a.conversationId === conversation)
      .flatMap((a) => cardOf(a)?.actions ?? [])
      .find(
        (x) =>
          x.type === "Action.Submit" &&
          x.data?.gw === "act" &&
          x.data.command === wanted.command &&
          JSON.stringify(x.data.args) === JSON.stringify(wanted.args),
      );
    if (!action) throw new Error(`no button ${JSON.stringify(wanted)} in ${user}'s chat`);
    const sent = await this.post(user, { value: action.data });
    this.remember(user, sent);
    return textOf(sent);
  }

  async type(user: string, text: string): Promise<string> {
    const sent = await this.post(user, { text });
    this.remember(user, sent);
    return textOf(sent);
  }

  /** Submits the step card last shown to the user, its inputs (f_<field>) filled in. */
  async submitStep(user: string, values: Record<string, string>): Promise<{ stepId: string | null; text: string }> {
    const card = this.cards.get(user);
    if (!card) throw new Error(`no step card shown to ${user}`);
    const inputs = Object.fromEntries(Object.entries(values).map(([field, value]) => [`f_${field}`, value]));
    const sent = await this.post(user, { replyToId: card.activityId, value: { ...stepSubmit(card)!, ...inputs } });
    this.cards.delete(user);
    return { stepId: this.remember(user, sent), text: textOf(sent) };
  }
}

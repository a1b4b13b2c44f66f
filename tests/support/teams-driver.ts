// Drives the running server the way Teams does: Bot Framework activities posted over HTTP to
// /api/messages, replies captured by the fake connector at the activity's serviceUrl. Cards are
// read and filled as a teacher would.
import { expect } from "vitest";
import type { FakeConnector, RecordedActivity } from "./fake-connector.js";
import { weekdayAhead } from "./dialog-driver.js";

export interface TeamsUser {
  aad: string;
  name: string;
  email: string;
}

export type Card = { body: Array<Record<string, unknown>>; actions?: Array<{ title: string; data: Record<string, unknown> }> };

export const cardOf = (a: RecordedActivity): Card | undefined =>
  ((a.activity.attachments as Array<{ contentType: string; content: Card }> | undefined) ?? []).find(
    (x) => x.contentType === "application/vnd.microsoft.card.adaptive",
  )?.content;

export const textOf = (sent: RecordedActivity[]) => sent.map((a) => `${a.activity.text ?? ""} ${JSON.stringify(cardOf(a) ?? "")}`).join("\n");

/** A step card's submit data for one of its buttons ("submit", "back", "cancel", …). */
export const submitData = (card: Card, action = "submit") => card.actions!.find((a) => a.data?.action === action)!.data;

/** Every input of a card, also inside containers and columns. */
export function cardInputs(card: Card): Array<Record<string, unknown>> {
  return card.body
    .flatMap(function walk(el): Array<Record<string, unknown>> {
      const nested = [
        ...((el.items as Array<Record<string, unknown>>) ?? []),
        ...((el.columns as Array<Record<string, unknown>>) ?? []).flatMap((c) => (c.items as Array<Record<string, unknown>>) ?? []),
      ];
      return [el, ...nested.flatMap(walk)];
    })
    .filter((el) => String(el.type).startsWith("Input."));
}

export class TeamsDriver {
  private n = 0;

  constructor(
    private readonly app: { baseUrl: string },
    private readonly connector: FakeConnector,
    private readonly tenantId: string,
  ) {}

  /** A message activity from `user` (in another tenant when `tenantId` is given). */
  activity(user: TeamsUser, fields: Record<string, unknown>, tenantId = this.tenantId) {
    return {
      type: "message",
      id: `drv-${Date.now()}-${++this.n}`,
      channelId: "msteams",
      serviceUrl: this.connector.url,
      timestamp: new Date().toISOString(),
      locale: "nl-NL",
      from: { id: `29:${user.aad}`, name: user.name, aadObjectId: user.aad },
      recipient: { id: "28:gesprekswijzer", name: "Gesprekswijzer" },
      conversation: { id: `a:personal-${user.aad}`, conversationType: "personal", tenantId },
      channelData: { tenant: { id: tenantId } },
      ...fields,
    };
  }

  async post(body: unknown): Promise<RecordedActivity[]> {
    const before = this.connector.activities.length;
    const res = await fetch(`${this.app.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
    return this.connector.activities.slice(before);
  }

  say(user: TeamsUser, text: string) {
    return this.post(this.activity(user, { text }));
  }

  /** Sends a card's data back as the card's own Action.Submit does, in reply to that card. */
  submit(user: TeamsUser, cardActivity: RecordedActivity, value: Record<string, unknown>) {
    return this.post(this.activity(user, { replyToId: cardActivity.activityId, value }));
  }
}

/** Free text that passes the checks on meaning (a SMART agreement names who, what and when). */
const TEXT_DEFAULTS: Record<string, string> = { who: "Sam", what: "leest elke dag 10 minuten in zijn leesboek", when: "elke dag na de lunch" };

/** What a teacher fills in on a step card: a sensible value for every input, or the override. */
export function fillCard(card: Card, today: string, overrides: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const input of cardInputs(card)) {
    const id = String(input.id);
    const field = id.replace(/^f_/, "");
    if (field in overrides) values[id] = overrides[field]!;
    else if (input.type === "Input.Date") values[id] = weekdayAhead(today);
    else if (input.type === "Input.Time") values[id] = "10:30";
    else if (input.type === "Input.Number") values[id] = String(Math.max(Number(input.min ?? 0), 15));
    else if (input.type === "Input.ChoiceSet") {
      const choices = (input.choices as Array<{ value: string }>) ?? [];
      values[id] = field === "another" || field.endsWith("__share") ? "false" : (choices[0]?.value ?? "");
    } else values[id] = TEXT_DEFAULTS[field] ?? `antwoord ${field}`;
  }
  return values;
}

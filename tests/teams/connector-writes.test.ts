// The connector's writes without the SDK's generated client (adapters/teams/connector-writes.ts),
// through the real Teams adapter against a local HTTP server standing in for Microsoft's
// connector: the service receives what the SDK's own client sends (URL, token, headers, body),
// refusals carry what the senders read, and the retry rules are the SDK's.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TeamsAdapter } from "@microsoft/teams-ai";
import { CardFactory, type ConversationReference, type TurnContext } from "botbuilder";
import { createTeamsAdapter } from "../../adapters/teams/teams-channel.js";
import { createGuardedHttpClient, UNCERTAIN_DELIVERY } from "../../adapters/teams/connector-http.js";

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

let server: http.Server;
let serviceUrl = "";
const received: Received[] = [];
/** Scripted answers, in order; after them every write is answered 200 with a new id. */
let answers: Answer[] = [];
let nextId = 1;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : undefined });
      const answer = answers.shift() ?? { status: 200, body: { id: `act-${nextId++}` } };
      res.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/amer/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  answers = [];
  // Ids start over in every test: the suite runs shuffled, and one test compares ids across two runs.
  nextId = 1;
});

const APP_ID = "8f2c1c4e-5d7b-4a51-9a0e-1c2d3e4f5a6b";
const TOKEN = "token-from-the-cache";
const reference = (): Partial<ConversationReference> => ({
  serviceUrl,
  channelId: "msteams",
  bot: { id: `28:${APP_ID}`, name: "Gesprekswijzer" },
  user: { id: "29:teacher", name: "Juf", aadObjectId: "aad-1" },
  // Teams conversation ids hold characters that must be escaped in the path.
  conversation: { id: "a:1Xy/z+Q==;messageid=12", conversationType: "personal", tenantId: "tenant-1", isGroup: false, name: "" },
});

const card = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "Input.Text", id: "f_aim", label: "Doel", value: "Sam leest élke dag 10 minuten" }],
  actions: [{ type: "Action.Submit", title: "Volgende", data: { gw: "step", sessionId: "s1", stepId: "aim", version: 3, action: "submit" } }],
};

/** The bot's token is in the SDK's token cache, as after its first sign-in: no request to Entra ID. */
function seedToken(context: TurnContext): void {
  const credentials = (context.turnState.get(context.adapter.ConnectorClientKey) as { credentials: { tokenCacheKey: string; constructor: unknown } })
    .credentials;
  const cache = (credentials.constructor as { cache: Map<string, unknown> }).cache;
  cache.set(credentials.tokenCacheKey, { accessToken: TOKEN, expiresOn: new Date(Date.now() + 3_600_000) });
}

/** Two messages (replies to the turn, as TurnContext sends them), an update of the card, and a message that replies to nothing. */
async function writeAll(adapter: TeamsAdapter): Promise<string[]> {
  const ids: string[] = [];
  await adapter.continueConversationAsync(APP_ID, reference(), async (context) => {
    seedToken(context);
    const sent = await context.sendActivity({ type: "message", text: "Hallo <b>juf</b>", textFormat: "xml" });
    ids.push(sent!.id);
    const reply = await context.sendActivity({ type: "message", attachments: [CardFactory.adaptiveCard(card)], summary: "Doel" });
    ids.push(reply!.id);
    await context.updateActivity({ type: "message", id: reply!.id, attachments: [CardFactory.adaptiveCard({ ...card, actions: [] })] });
    // A message that replies to nothing (the adapter's path for an activity without replyToId).
    const client = context.turnState.get(context.adapter.ConnectorClientKey) as {
      conversations: { sendToConversation(id: string, activity: object): Promise<{ id: string }> };
    };
    const own = await client.conversations.sendToConversation(reference().conversation!.id, {
      type: "message",
      text: "Los bericht",
      from: reference().bot,
      recipient: reference().user,
      conversation: reference().conversation,
    });
    ids.push(own.id);
  });
  return ids;
}

const auth = { appId: APP_ID, appPassword: "secret", appType: "MultiTenant" as const, localMode: false };

/** What the service saw, without what legitimately differs per client (user agent, request ids, connection). */
const comparable = (r: Received) => ({
  method: r.method,
  // A proactive turn's messages reply to its continuation activity, whose id is new each turn.
  url: r.url.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, "{turn}"),
  authorization: r.headers.authorization,
  conversationHeader: r.headers["x-ms-conversation-id"],
  contentType: String(r.headers["content-type"]).toLowerCase().replace(/\s/g, ""),
  body: { ...(r.body as object), ...((r.body as { replyToId?: string }).replyToId ? { replyToId: "{turn}" } : {}) },
});

describe("the connector's writes without the SDK's generated client", () => {
  it("reach the service as the SDK's own client sends them: URL, token, headers and body", async () => {
    // The same writes through the SDK's client (no lean writes) and through ours.
    const sdk = new TeamsAdapter(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "secret", MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" },
      undefined,
      undefined,
      { httpClient: createGuardedHttpClient() } as never,
    );
    const sdkIds = await writeAll(sdk);
    const sdkRequests = received.splice(0);
    nextId = 1;
    const leanIds = await writeAll(createTeamsAdapter(auth));
    const leanRequests = received.splice(0);
    // Our adapter's writes did not go through the SDK's pipeline (which names itself in the user agent).
    expect(sdkRequests.every((r) => String(r.headers["user-agent"]).includes("core-rest-pipeline"))).toBe(true);
    expect(leanRequests.some((r) => String(r.headers["user-agent"]).includes("core-rest-pipeline"))).toBe(false);
    const [viaSdk, viaLean] = [sdkRequests.map(comparable), leanRequests.map(comparable)];

    expect(leanIds).toEqual(sdkIds);
    expect(viaLean).toHaveLength(4);
    expect(viaLean.map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /amer/v3/conversations/a%3A1Xy%2Fz%2BQ%3D%3D%3Bmessageid%3D12/activities/{turn}",
      "POST /amer/v3/conversations/a%3A1Xy%2Fz%2BQ%3D%3D%3Bmessageid%3D12/activities/{turn}",
      "PUT /amer/v3/conversations/a%3A1Xy%2Fz%2BQ%3D%3D%3Bmessageid%3D12/activities/act-2",
      "POST /amer/v3/conversations/a%3A1Xy%2Fz%2BQ%3D%3D%3Bmessageid%3D12/activities",
    ]);
    expect(viaLean.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(viaLean).toEqual(viaSdk);
  });

  it("send no token when the bot has no app id (local mode), as the SDK does", async () => {
    const adapter = createTeamsAdapter({ appType: "MultiTenant", localMode: true });
    await adapter.continueConversationAsync("", reference(), async (context) => {
      await context.sendActivity("Hallo");
    });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBeUndefined();
    expect(received[0]!.body).toMatchObject({ type: "message", text: "Hallo", conversation: { id: "a:1Xy/z+Q==;messageid=12" } });
  });

  it("wait out a 429's Retry-After and try again, three times at most; then the refusal carries status, code and Retry-After", async () => {
    const adapter = createTeamsAdapter(auth);
    answers = [{ status: 429, headers: { "Retry-After": "1" }, body: { error: { code: "TooManyRequests", message: "slow down" } } }];
    const started = Date.now();
    let id = "";
    await adapter.continueConversationAsync(APP_ID, reference(), async (context) => {
      seedToken(context);
      id = (await context.sendActivity("Herinnering"))!.id;
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(received).toHaveLength(2);
    expect(id).toMatch(/^act-/);

    received.length = 0;
    const throttled = { status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } };
    answers = [throttled, throttled, throttled, { ...throttled, headers: { "Retry-After": "7" } }];
    let error: unknown;
    await adapter.continueConversationAsync(APP_ID, reference(), async (context) => {
      seedToken(context);
      error = await context.sendActivity("Herinnering").catch((e: unknown) => e);
    });
    expect(received).toHaveLength(4);
    expect(error).toMatchObject({ statusCode: 429, code: "TooManyRequests" });
    expect((error as { response: { headers: { get(name: string): string | undefined } } }).response.headers.get("retry-after")).toBe("7");
  });

  it("never repeat a write the service may have accepted (5xx), and pass a refusal (403) on at once", async () => {
    const adapter = createTeamsAdapter(auth);
    answers = [{ status: 502 }];
    let error: unknown;
    await adapter.continueConversationAsync(APP_ID, reference(), async (context) => {
      seedToken(context);
      error = await context.sendActivity("Herinnering").catch((e: unknown) => e);
    });
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ code: UNCERTAIN_DELIVERY, statusCode: 502 });

    received.length = 0;
    answers = [{ status: 403, body: { error: { code: "BotNotInConversationRoster", message: "removed" } } }];
    await adapter.continueConversationAsync(APP_ID, reference(), async (context) => {
      seedToken(context);
      error = await context.sendActivity("Herinnering").catch((e: unknown) => e);
    });
    expect(received).toHaveLength(1);
    expect(error).toMatchObject({ statusCode: 403, code: "BotNotInConversationRoster" });
  });

  it("try a connection that was never made again (nothing reached the service), as the SDK does", async () => {
    // A port nobody listens on yet: the first attempt is refused; the service comes up before the retry.
    const late = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ id: "late-1" })));
    });
    const port = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const adapter = createTeamsAdapter({ appType: "MultiTenant", localMode: true });
    setTimeout(() => late.listen(port, "127.0.0.1"), 200);
    let id = "";
    try {
      await adapter.continueConversationAsync("", { ...reference(), serviceUrl: `http://127.0.0.1:${port}/` }, async (context) => {
        id = (await context.sendActivity("Hallo"))!.id;
      });
    } finally {
      await new Promise<void>((resolve) => late.close(() => resolve()));
    }
    expect(id).toBe("late-1");
  });
});

// The Teams adapter keeps one connector client per service URL instead of building one (with its
// whole HTTP pipeline) on every incoming activity; authentication still runs on every request.
import { describe, expect, it } from "vitest";
import type { TurnContext } from "botbuilder";
import { createTeamsAdapter } from "../../adapters/teams/teams-channel.js";

const activity = (serviceUrl: string) => ({
  type: "message",
  id: `m-${Math.random()}`,
  channelId: "msteams",
  serviceUrl,
  from: { id: "29:x", aadObjectId: "x" },
  recipient: { id: "28:bot" },
  conversation: { id: "a:x", tenantId: "t" },
  text: "help",
});

/** One activity through the adapter, as express would hand it over; returns the turn's connector client and the status. */
async function turn(adapter: ReturnType<typeof createTeamsAdapter>, serviceUrl: string, headers: Record<string, string> = {}) {
  let client: unknown;
  let status = 0;
  const res = {
    status: (s: number) => void (status = s),
    header: () => undefined,
    send: () => undefined,
    end: () => undefined,
  };
  await adapter.process({ method: "POST", body: activity(serviceUrl), headers } as never, res as never, async (context: TurnContext) => {
    client = context.turnState.get(context.adapter.ConnectorClientKey);
  });
  return { client, status };
}

describe("connector clients of the Teams adapter", () => {
  it("are reused across turns for the same service URL, and separate per service URL", async () => {
    const adapter = createTeamsAdapter({ appType: "MultiTenant", localMode: true });
    const first = await turn(adapter, "https://smba.example/emea/");
    const second = await turn(adapter, "https://smba.example/emea/");
    const other = await turn(adapter, "https://smba.example/amer/");
    expect(first.client).toBeTruthy();
    expect(second.client).toBe(first.client);
    expect(other.client).toBeTruthy();
    expect(other.client).not.toBe(first.client);
  });

  it("do not bypass authentication: with app credentials a request without a token is refused", async () => {
    const adapter = createTeamsAdapter({ appId: "8f2c1c4e-5d7b-4a51-9a0e-1c2d3e4f5a6b", appPassword: "secret", appType: "MultiTenant", localMode: false });
    const origError = console.error;
    console.error = () => undefined; // the SDK prints the refusal itself
    try {
      const refused = await turn(adapter, "https://smba.example/emea/");
      expect(refused.status).toBe(401);
      expect(refused.client).toBeUndefined();
      expect((await turn(adapter, "https://smba.example/emea/", { authorization: "Bearer not-a-token" })).status).toBe(401);
    } finally {
      console.error = origError;
    }
  });
});

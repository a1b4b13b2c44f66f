// The HTTP edge leaks nothing and answers bad input with 4xx: invalid and malformed bodies to
// /api/messages and /slack/events, a forged Teams token, and SDK errors, at debug and trace log
// level. A canary string rides in every request; it must appear in no log line, nothing written
// to the console, and no response.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app.js";
import { FakeSlackApi } from "../support/fake-slack-api.js";
import { slackSignature } from "../support/slack-requests.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { testProvider } from "../support/test-db.js";

const CANARY = "Kanarie-Zwanhilde-geheime-notitie-4242";
const SECRET = "slack-signing-secret-for-tests-0001";
const TOKEN = "xoxb-test-token-leakfree";
const TEAM = "T0LEAKFREE";
const APP_ID = "6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60";

/** Everything written to the console or the process streams while a test runs. */
const consoleOut: string[] = [];
const originals = {
  log: console.log,
  error: console.error,
  warn: console.warn,
  info: console.info,
  debug: console.debug,
  out: process.stdout.write,
  err: process.stderr.write,
};
beforeEach(() => {
  consoleOut.length = 0;
  for (const k of ["log", "error", "warn", "info", "debug"] as const)
    console[k] = (...args: unknown[]) =>
      void consoleOut.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
  process.stdout.write = ((chunk: unknown) => (consoleOut.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: unknown) => (consoleOut.push(String(chunk)), true)) as typeof process.stderr.write;
});
afterEach(() => {
  Object.assign(console, { log: originals.log, error: originals.error, warn: originals.warn, info: originals.info, debug: originals.debug });
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
});

/** A connector that fails every call, quoting the canary in its error body (an SDK error). */
let failingConnector: Server;
let failingUrl: string;
const fake = new FakeSlackApi(TOKEN);

beforeAll(async () => {
  failingConnector = createServer((_req, res) => {
    res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "ServiceError", message: `could not deliver ${CANARY}` } }));
  });
  await new Promise<void>((resolve) => failingConnector.listen(0, "127.0.0.1", resolve));
  failingUrl = `http://127.0.0.1:${(failingConnector.address() as AddressInfo).port}/`;
  await fake.start();
});
afterAll(async () => {
  await new Promise<void>((resolve) => failingConnector.close(() => resolve()));
  await fake.stop();
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });

function signed(body: string, contentType: string) {
  const ts = Math.floor(Date.now() / 1000);
  return { "Content-Type": contentType, "X-Slack-Request-Timestamp": String(ts), "X-Slack-Signature": slackSignature(SECRET, ts, body) };
}
const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

const activity = (fields: Record<string, unknown>) => ({
  type: "message",
  id: "in-1",
  channelId: "msteams",
  serviceUrl: failingUrl,
  text: CANARY,
  from: { id: "29:x", name: CANARY, aadObjectId: "aad-x" },
  recipient: { id: "28:bot" },
  conversation: { id: "a:conv", conversationType: "personal", tenantId: "tenant-unbound" },
  ...fields,
});

for (const level of ["debug", "trace"] as const) {
  describe(`nothing leaks at ${level} level on ${testProvider()}`, () => {
    let local: TestApp;
    let secured: TestApp;

    beforeAll(async () => {
      local = await startTestApp({ LOG_LEVEL: level, TEAMS_LOCAL_MODE: "true", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: fake.url });
      await applySchoolSetup(local.database.db, {
        school: { name: "Lekvrij", slackTeamIds: [TEAM] },
        schoolYear: "2026-2027",
        staff: [{ email: "juf@lekvrij.example", name: "Juf", roles: ["teacher"], slackUserId: "U0JUF00001" }],
        groups: [],
      });
      secured = await startTestApp({
        LOG_LEVEL: level,
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: "not-a-real-secret",
        MICROSOFT_APP_TYPE: "SingleTenant",
        MICROSOFT_APP_TENANT_ID: APP_ID,
      });
    });
    afterAll(async () => {
      await local?.stop();
      await secured?.stop();
    });

    /** After each case: the canary is nowhere in the logs or the console. */
    function expectNoCanary(app: TestApp) {
      const logs = app.logs.join("\n");
      expect(logs, "a log line holds the canary").not.toContain(CANARY);
      expect(consoleOut.join("\n"), "the console holds the canary").not.toContain(CANARY);
    }

    it("an invalid JSON body to /api/messages: 400, logged as a code only", async () => {
      const res = await post(`${local.baseUrl}/api/messages`, `{"type":"message","text":"${CANARY}"`);
      expect(res.status).toBe(400);
      expect(await res.text()).not.toContain(CANARY);
      expect(local.logs.some((l) => l.includes("request body refused"))).toBe(true);
      for (const body of [`["${CANARY}"]`, `"${CANARY}"`, "42"]) expect((await post(`${local.baseUrl}/api/messages`, body)).status).toBe(400);
      expectNoCanary(local);
    });

    it("malformed activities get 400, never 500", async () => {
      const cases = [
        activity({ type: 42 }),
        activity({ type: { name: CANARY } }),
        activity({ serviceUrl: { url: CANARY } }),
        activity({ serviceUrl: 7 }),
        activity({ from: null }),
        activity({ conversation: CANARY }),
        activity({ attachments: CANARY }),
        { text: CANARY },
        // Without who sent it, to whom or where (the SDK's turn state reads all three).
        { type: "message", text: CANARY },
        activity({ from: undefined }),
        activity({ recipient: undefined }),
        activity({ conversation: undefined }),
      ];
      for (const body of cases) {
        const res = await post(`${local.baseUrl}/api/messages`, JSON.stringify(body));
        expect(res.status, JSON.stringify(Object.keys(body))).toBe(400);
        expect(await res.text()).not.toContain(CANARY);
      }
      expectNoCanary(local);
    });

    it("an SDK error (the connector fails, quoting the canary) is logged without it", async () => {
      const res = await post(`${local.baseUrl}/api/messages`, JSON.stringify(activity({})));
      expect(res.status).toBeLessThan(500);
      expect(local.logs.some((l) => l.includes('"err":'))).toBe(true);
      expectNoCanary(local);
    });

    it("a forged Teams token gets 401 without internal text; so does none", async () => {
      const header = Buffer.from(JSON.stringify({ alg: "RS256", kid: CANARY, typ: "JWT" })).toString("base64url");
      const claims = Buffer.from(JSON.stringify({ iss: "https://api.botframework.com", aud: APP_ID, serviceurl: CANARY })).toString("base64url");
      for (const authorization of [`Bearer ${header}.${claims}.c2lnbmF0dXJl`, `Bearer ${CANARY}`, ""]) {
        const res = await post(
          `${secured.baseUrl}/api/messages`,
          JSON.stringify(activity({ serviceUrl: "https://smba.trafficmanager.net/emea/" })),
          authorization ? { Authorization: authorization } : {},
        );
        expect(res.status).toBe(401);
        const text = await res.text();
        expect(text).toBe('{"error":"unauthorized"}');
      }
      expectNoCanary(secured);
    });

    it("signed Slack payloads with user: null, view: null or broken JSON get 400, never 500", async () => {
      const base = {
        type: "block_actions",
        team: { id: TEAM },
        user: { id: "U0JUF00001", team_id: TEAM },
        api_app_id: "A1",
        trigger_id: "t",
        actions: [{ action_id: CANARY, value: CANARY }],
      };
      const interactions = [
        { ...base, user: null },
        { ...base, type: "view_submission", view: null },
        { ...base, type: "view_closed", view: null },
        { ...base, actions: CANARY },
        { ...base, user: { id: 7, name: CANARY } },
      ];
      for (const payload of interactions) {
        const body = form(payload);
        const res = await post(`${local.baseUrl}/slack/events`, body, signed(body, "application/x-www-form-urlencoded"));
        expect(res.status, JSON.stringify(payload).slice(0, 80)).toBe(400);
      }
      const broken = new URLSearchParams({ payload: `{"type":"block_actions","user":"${CANARY}"` }).toString();
      expect((await post(`${local.baseUrl}/slack/events`, broken, signed(broken, "application/x-www-form-urlencoded"))).status).toBe(400);
      const events = [
        JSON.stringify({ type: "event_callback", team_id: TEAM, event: null, event_id: "Ev1" }),
        JSON.stringify({ type: "event_callback", team_id: TEAM, event: { type: "message", user: null, text: CANARY }, event_id: "Ev2" }),
        `{"type":"event_callback","text":"${CANARY}"`,
      ];
      for (const body of events) expect((await post(`${local.baseUrl}/slack/events`, body, signed(body, "application/json"))).status).toBe(400);
      const command = new URLSearchParams({ command: "/kindgesprek", team_id: TEAM, channel_id: "D1", text: CANARY }).toString();
      expect((await post(`${local.baseUrl}/slack/events`, command, signed(command, "application/x-www-form-urlencoded"))).status).toBe(400);
      expectNoCanary(local);
    });

    it("a well-formed signed Slack command still works (the guard hands the body on to Bolt)", async () => {
      const command = new URLSearchParams({
        command: "/kindgesprek",
        team_id: TEAM,
        channel_id: "D0JUF00001",
        user_id: "U0JUF00001",
        text: "help",
        trigger_id: fake.trigger(),
        response_url: "https://hooks.slack.invalid/1",
      }).toString();
      const res = await post(`${local.baseUrl}/slack/events`, command, signed(command, "application/x-www-form-urlencoded"));
      expect(res.status).toBe(200);
    });
  });
}

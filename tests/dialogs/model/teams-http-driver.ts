// The same simulated teacher over real HTTP into the Teams adapter (TEAMS_LOCAL_MODE): typed text,
// buttons and card submissions as Bot Framework activities, replies read from the fake connector.
// A message Teams delivers twice is the same activity (same id) posted again: the second post must
// send nothing. A restart closes the service and starts a new one on the same database.
import type { ChannelUser } from "../../../bot/channel/types.js";
import { loadConfig } from "../../../bot/config.js";
import { type Database, openDatabase } from "../../../bot/db/client.js";
import { createLogger } from "../../../bot/logger.js";
import { memoryLogStream, type TestApp } from "../../support/app.js";
import type { FakeConnector, RecordedActivity } from "../../support/fake-connector.js";
import { loadStartApp } from "../../support/target.js";
import { createEmptyDatabaseUrl } from "../../support/test-db.js";
import { cardInputs, cardOf, TeamsDriver, type TeamsUser, textOf } from "../../support/teams-driver.js";
import type { Driver, Sent, ShownView, TurnInput } from "./drivers.js";

/** A step card's buttons and inputs, as the card in the reply carries them. */
function viewsOf(sent: RecordedActivity[]): ShownView[] {
  return sent.flatMap((a) => {
    const card = cardOf(a);
    const data = card?.actions?.map((x) => x.data).find((d) => d?.gw === "step");
    if (!card || !data) return [];
    const fieldIds = cardInputs(card).map((input) => String(input.id).replace(/^f_/, ""));
    return [{ sessionId: String(data.sessionId), stepId: String(data.stepId), version: Number(data.version), fieldIds, activityId: a.activityId }];
  });
}

/** What a card's Action.Submit sends: its data and its inputs (`f_<field>`), a list as Teams joins it. */
function cardValue(submission: Record<string, unknown>): Record<string, unknown> {
  const { values, ...data } = submission as { values?: Record<string, unknown>; action?: unknown };
  const inputs = Object.fromEntries(Object.entries(values ?? {}).map(([id, v]) => [`f_${id}`, Array.isArray(v) ? v.join(",") : v]));
  return { gw: "step", ...data, ...(data.action === "submit" ? { fields: Object.keys(values ?? {}) } : {}), ...inputs };
}

export class TeamsHttpDriver implements Driver {
  private app!: TestApp;
  private teams!: TeamsDriver;
  private readonly users = new Map<string, TeamsUser>();
  /** The test's own connection: it outlives the service's, which a restart closes. */
  private own!: Database;

  private constructor(
    private readonly url: string,
    private readonly drop: () => Promise<void>,
    private readonly connector: FakeConnector,
    private readonly tenantId: string,
  ) {}

  static async start(connector: FakeConnector, tenantId: string): Promise<TeamsHttpDriver> {
    const empty = await createEmptyDatabaseUrl();
    const driver = new TeamsHttpDriver(empty.url, empty.drop, connector, tenantId);
    await driver.boot();
    driver.own = await openDatabase(empty.url);
    return driver;
  }

  get db() {
    return this.own.db;
  }

  private async boot(): Promise<void> {
    const logs: string[] = [];
    const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: this.url, LOG_LEVEL: "warn", SCHEDULER: "false", TEAMS_LOCAL_MODE: "true" });
    const running = await (await loadStartApp())(config, createLogger(config.LOG_LEVEL, memoryLogStream(logs)));
    this.app = { ...running, baseUrl: `http://127.0.0.1:${running.port}`, logs, stop: () => running.close() };
    this.teams = new TeamsDriver(this.app, this.connector, this.tenantId);
  }

  async restart(): Promise<void> {
    await this.app.settled();
    await this.app.close();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app?.close();
    await this.own?.close();
    await this.drop();
  }

  /** The Teams account of a member of staff (known by e-mail): matched by e-mail on first contact. */
  private teamsUser(user: ChannelUser): TeamsUser {
    const email = user.email ?? user.externalId;
    let known = this.users.get(email);
    if (!known) {
      const aad = `00000000-0000-0000-0000-${String(this.users.size + 1).padStart(12, "0")}`;
      known = { aad, name: "Leerkracht", email };
      this.users.set(email, known);
      this.connector.members.set(`29:${aad}`, { id: `29:${aad}`, name: known.name, aadObjectId: aad, email, userPrincipalName: email });
    }
    return known;
  }

  /** Posts one activity and waits until the service has sent everything for it. */
  private async post(activity: unknown): Promise<RecordedActivity[]> {
    const before = this.connector.activities.length;
    await this.teams.post(activity);
    await this.app.settled();
    return this.connector.activities.slice(before);
  }

  async deliver(user: ChannelUser, input: TurnInput, times: number, restartBetween: boolean, card?: ShownView): Promise<Sent> {
    const fields = input.submission
      ? // A card's Action.Submit replies to the card's own message.
        { value: cardValue(input.submission as Record<string, unknown>), ...(card?.activityId ? { replyToId: card.activityId } : {}) }
      : input.action
        ? { value: { gw: "act", command: input.action.command, ...(input.action.args ? { args: input.action.args } : {}) } }
        : { text: input.text };
    const activity = this.teams.activity(this.teamsUser(user), fields);
    const answers = (sent: RecordedActivity[]) => sent.filter((a) => a.activity.replyToId === activity.id);
    const first = answers(await this.post(activity));
    for (let i = 1; i < times; i++) {
      if (restartBetween) await this.restart();
      // What the bot sends in answer carries the activity's id (a double click sent at the same
      // moment is another activity, whose answers may arrive meanwhile).
      const again = answers(await this.post(activity));
      if (again.length > 0) throw new Error(`Teams delivered activity ${i + 1} times: the bot answered it again`);
    }
    return { views: viewsOf(first), text: textOf(first) };
  }
}

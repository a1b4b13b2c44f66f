// One generated sequence against the real bot and the model side by side. Each command is turned
// into a concrete message from the model's state, delivered, applied to the model, and then the
// database is compared with the model: every session's status, step, answers and drafts, and where
// every marker is (sessions and records). A difference fails the run with the commands so far.
import { isDeepStrictEqual } from "node:util";
import { parseTypedCommand } from "../../../bot/chat/commands/parse.js";
import type { Db } from "../../../bot/db/client.js";
import { directSqlOf } from "../../../bot/db/direct-sql.js";
import { type CardAction, type Cmd, describeCmd } from "./commands.js";
import type { Driver, Sent, ShownView, TurnInput } from "./drivers.js";
import { comparePlaces, expectedPlaces, foundPlaces } from "./records.js";
import { buttonTurn, type Choice, cardTurn, type TypedInput, typedTurn, WorldModel } from "./turns.js";
import { type Markers, type Parsed, markersIn } from "./values.js";
import type { RunWorld } from "./world.js";

export interface SessionRow {
  status: string;
  stepId: string;
  version: number;
  answers: unknown;
  rawInputs: unknown;
  /** Absent before the engine stores pending questions. */
  pending?: { kind: string } | null;
}

export class ModelMismatch extends Error {}

export interface CardOptions {
  /** Deliveries of the one message (a channel's retry); `restartBetween`: the service restarts in between. */
  times?: number;
  restartBetween?: boolean;
  /** Check that a stale card's reply shows what it carried (not for a doubled card: it carries nothing new). */
  checkKeep?: boolean;
  /** The same card sent twice at the same moment (two messages, one payload). */
  concurrentTwin?: boolean;
}

/** Turns delivered and time spent, over all runs of this process (GW_MODEL_STATS=1 prints them). */
export const stats = {
  sequences: 0,
  turns: 0,
  repeats: 0,
  restarts: 0,
  checks: 0,
  turnMs: 0,
  checkMs: 0,
  staleShown: 0,
  outcomes: {} as Record<string, number>,
};

function count(outcome: string): void {
  stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
}

const json = (text: unknown) => (typeof text === "string" ? JSON.parse(text) : text);

export class Harness {
  readonly model = new WorldModel();
  /** Every step card shown, in order (a stale card is one of these). */
  readonly shown: ShownView[] = [];
  readonly log: string[] = [];
  private completedChecked = 0;
  /** The sessions as the last check saw them: only our own turns change them. */
  last = new Map<string, SessionRow>();

  constructor(
    readonly world: RunWorld,
    readonly driver: Driver,
    readonly markers: Markers,
  ) {}

  get db(): Db {
    return this.world.db;
  }

  /** The teacher's sessions as stored (plain SQL: this runs after every command). */
  async sessions(): Promise<Map<string, SessionRow>> {
    const rows = await directSqlOf(this.db).rows(`SELECT * FROM "DialogSession" WHERE "staffId" = ?`, [this.world.actor.staffId]);
    this.last = new Map(
      rows.map((r) => {
        const pending = r.pending === undefined ? undefined : r.pending === null ? null : json(r.pending);
        const row: SessionRow = {
          status: String(r.status),
          stepId: String(r.stepId),
          version: Number(r.version),
          answers: json(r.answers),
          rawInputs: json(r.rawInputs),
          ...(pending !== undefined ? { pending } : {}),
        };
        return [String(r.id), row];
      }),
    );
    return this.last;
  }

  fail(problems: string[]): never {
    const recent = this.log.slice(-25).map((line, i) => `  ${this.log.length - Math.min(25, this.log.length) + i + 1}. ${line}`);
    throw new ModelMismatch([...problems, "after these commands (last 25):", ...recent].join("\n"));
  }

  noteShown(sent: Sent): void {
    this.shown.push(...sent.views);
  }

  async deliver(input: TurnInput, times = 1, restartBetween = false, user = this.world.teacher, card?: ShownView): Promise<Sent> {
    const started = performance.now();
    const sent = await this.driver.deliver(user, input, times, restartBetween, card);
    stats.turns += times;
    stats.repeats += times - 1;
    if (restartBetween && times > 1) stats.restarts += times - 1;
    stats.turnMs += performance.now() - started;
    this.noteShown(sent);
    return sent;
  }

  /** A typed line: delivered (maybe more than once), applied to the model once. */
  async typed(text: string, parsed: Parsed, times = 1, restartBetween = false): Promise<void> {
    await this.deliver({ text }, times, restartBetween);
    const after = await this.sessions();
    const input: TypedInput = { text, parsed, commandLike: parseTypedCommand(text) !== null };
    count(`typed:${typedTurn(this.model, input)}`);
    await this.check(after);
  }

  /** A button under a question the dialog asked. */
  async button(sessionId: string, choice: Choice): Promise<void> {
    await this.deliver({ text: "", action: { command: "dialogReply", args: { sessionId, choice } } });
    count(`button:${buttonTurn(this.model, sessionId, choice)}`);
    await this.check();
  }

  /** A card submission; fresh when it is for the session's current step and version. */
  async card(view: ShownView, action: CardAction, values: Record<string, unknown>, parsed: Record<string, Parsed>, options: CardOptions = {}) {
    const { times = 1, restartBetween = false, checkKeep = true, concurrentTwin = false } = options;
    const before = this.last.get(view.sessionId);
    const fresh = before?.status === "active" && before.version === view.version && before.stepId === view.stepId;
    const submission = { sessionId: view.sessionId, stepId: view.stepId, version: view.version, action, values };
    // The card as it was shown (a channel answers the message that showed it), when it was.
    const shown = [...this.shown].reverse().find((v) => v.sessionId === view.sessionId && v.stepId === view.stepId && v.version === view.version);
    const send = () => this.deliver({ text: "", submission }, times, restartBetween, this.world.teacher, shown ?? view);
    // A double click on two devices: both arrive at once; one acts, the other finds the card stale.
    const [sent] = concurrentTwin ? await Promise.all([send(), send()]) : [await send()];
    const after = await this.sessions();
    const dialog = this.model.bySession(view.sessionId);
    // A stale card comes back with what was sent on it that the dialog does not hold (its step filled
    // in, or as text), so nothing is lost; a doubled card carries nothing new.
    const stored = JSON.stringify(dialog?.answers[view.stepId] ?? {});
    const onStep = dialog?.steps().some((s) => s.id === view.stepId) ?? false;
    count(`card ${action}:${fresh ? cardTurn(this.model, { sessionId: view.sessionId, action, values: parsed, fresh }) : "stale"}`);
    if (checkKeep && !concurrentTwin && !fresh && action === "submit" && before?.status === "active" && onStep) {
      const sentMarkers = Object.values(values).flatMap((v) => markersIn(String(v)));
      const lost = sentMarkers.filter((m) => !stored.includes(m) && !sent.text.includes(m));
      stats.staleShown++;
      if (lost.length > 0) this.fail([`stale card for step ${view.stepId}: the reply does not show what was sent (${lost.join(", ")})`]);
    }
    await this.check(after);
  }

  /** The database against the model: sessions after every command, marker places too. */
  async check(after?: Map<string, SessionRow>, everywhere = false): Promise<void> {
    const started = performance.now();
    const rows = after ?? (await this.sessions());
    const problems: string[] = [];
    if (rows.size !== this.model.dialogs.length) problems.push(`${rows.size} sessions in the database, ${this.model.dialogs.length} in the model`);
    for (const d of this.model.dialogs) {
      const row = rows.get(d.sessionId);
      if (!row) {
        problems.push(`${d.label}: no session in the database`);
        continue;
      }
      const open = d.status === "active" || d.status === "paused";
      if (row.status !== d.status) problems.push(`${d.label} (${d.flow}): status ${row.status}, model says ${d.status}`);
      if (open && row.stepId !== d.stepId) problems.push(`${d.label} (${d.flow}): on step ${row.stepId}, model says ${d.stepId}`);
      if (!isDeepStrictEqual(row.answers, d.answers))
        problems.push(`${d.label}: answers ${JSON.stringify(row.answers)}\n   model says ${JSON.stringify(d.answers)}`);
      const drafts = Object.fromEntries(Object.entries(d.drafts).map(([s, f]) => [s, Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.text]))]));
      if (!isDeepStrictEqual(row.rawInputs, drafts))
        problems.push(`${d.label}: drafts ${JSON.stringify(row.rawInputs)}\n   model says ${JSON.stringify(drafts)}`);
      if (row.pending !== undefined && !isDeepStrictEqual(row.pending?.kind ?? null, d.pending?.kind ?? null)) {
        problems.push(`${d.label}: pending question ${row.pending?.kind ?? "none"}, model says ${d.pending?.kind ?? "none"}`);
      } else if (row.pending && d.pending?.kind === "command" && (row.pending as { text?: string }).text !== d.pending.text) {
        problems.push(`${d.label}: the command typed is kept as ${JSON.stringify(row.pending)}, model says ${JSON.stringify(d.pending)}`);
      }
    }
    // Records change only when a dialog completes (a doubled completion too leaves a row): they are
    // compared after every completion the model saw, and everywhere at the end of a run.
    const completed = this.model.dialogs.filter((d) => d.status === "completed").length;
    if (everywhere || completed !== this.completedChecked) {
      this.completedChecked = completed;
      problems.push(...comparePlaces(expectedPlaces(this.model), await foundPlaces(this.world, this.model, everywhere)));
    }
    stats.checks++;
    stats.checkMs += performance.now() - started;
    if (problems.length > 0) this.fail(problems);
  }

  logCmd(cmd: Cmd | string): void {
    this.log.push(typeof cmd === "string" ? cmd : describeCmd(cmd));
  }
}

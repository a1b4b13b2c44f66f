// Slack: a Bolt App in HTTP mode on the service's own express server (POST /slack/events for
// events, the slash command and interactivity). It translates Slack's payloads for the core and
// renders the core's replies; it decides nothing. Every Slack SDK type stays in adapters/slack.
//
// Slack's rules this file keeps:
// - 3 seconds: every request is acknowledged first; the work and the replies follow (chat.postMessage,
//   views.update). A modal submission is the exception — its answer (errors, next step) must
//   travel in the ack — so the work gets a budget, and past it the modal says "saving…" and is
//   updated when the work is done.
// - Retries (X-Slack-Retry-Num, a repeated event_id or interaction payload) are claimed once in
//   the database (DeliveryLedger), so a retry never makes a second record or a second reply.
// - Signatures: Bolt verifies every request (HMAC of the raw body with the signing secret); a
//   guard in front refuses unsigned requests and timestamps more than 5 minutes off either way.
// - Workspaces: only teams bound to a school are served, checked on every request.
import { App, ExpressReceiver, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Express, NextFunction, Request, Response } from "express";
import { slackPayloadGuard } from "./payload-guard.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, ChannelUser, FileAttachment, InboundTurn, TurnResult } from "../../bot/channel/types.js";
import type { Db } from "../../bot/db/client.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import type { Logger } from "../../bot/logger.js";
import type { ChannelSender } from "../../bot/proactive/send.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import {
  modalErrors,
  OPEN_MODAL_ACTION_ID,
  parseBlockAction,
  parseModalSubmission,
  parseStepToken,
  readModalState,
  renderStepMessage,
  renderStepModal,
  type SlackModalView,
} from "../../dialogs/render/block-kit.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { BoundTeams } from "./bound-teams.js";
import { DeliveryLedger } from "./deliveries.js";
import { buildHomeView } from "./home.js";
import { isSlackId, slackUser, teamIdOf, type SlackReference } from "./inbound.js";
import { cleanTypedText } from "./mrkdwn.js";
import { answeredMessage, COMMAND_ACTION_PREFIX, COMMAND_SELECT_ACTION_ID, messagesFor, textSections, type SlackMessage } from "./outbound.js";
import { createSlackSender } from "./slack-sender.js";
import { decodeButtonValue } from "../shared/button-action.js";
import { slackTexts } from "./texts.js";

export const SLACK_ENDPOINT = "/slack/events";
export const SLASH_COMMAND = "/kindgesprek";
const STEP_CALLBACK_ID = "gw_step";
/** Slack refuses requests signed more than 5 minutes from its clock; so do we, both ways. */
const MAX_CLOCK_SKEW_S = 300;
/** A trigger_id is valid for 3 s after the interaction; past this, open no modal (post instead). */
const TRIGGER_FRESH_MS = 2500;

export interface SlackChannelDeps {
  core: BotCore;
  db: Db;
  logger: Logger;
  http: Express;
  signingSecret: string;
  botToken: string;
  /** Slack's Web API base URL (tests point it at a local fake). */
  apiUrl?: string;
  defaultLocale: Locale;
  linkFor: (user: ChannelUser, file: FileAttachment) => Promise<string>;
  /** Debounce before the Home tab is refreshed after a change. */
  homeRefreshMs?: number;
  /** How long a modal submission may work before the ack must go (Slack allows 3 s in all). */
  submissionBudgetMs?: number;
}

export interface SlackChannel {
  sender: ChannelSender;
  client: WebClient;
  /** Stops pending Home refreshes (at shutdown). */
  stop(): void;
}

/** Bolt and the Web API client log request bodies at debug level: only warnings and errors pass, as text codes. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const line = (msgs: unknown[]) => msgs.map((m) => (m instanceof Error ? m.name : typeof m === "string" ? m.slice(0, 200) : typeof m)).join(" ");
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msgs) => logger.warn({ channel: "slack", source: "bolt" }, line(msgs)),
    error: (...msgs) => logger.error({ channel: "slack", source: "bolt" }, line(msgs)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Refuses, before Bolt, what can never be valid: no signature, or a timestamp out of range. */
function signatureGuard(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.header("x-slack-signature");
    const timestamp = Number(req.header("x-slack-request-timestamp"));
    if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature) || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_S) {
      logger.warn({ channel: "slack", code: "request_refused", signed: Boolean(signature) }, "unsigned or stale Slack request refused");
      res.status(401).end();
      return;
    }
    next();
  };
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const obj = (v: unknown): Json | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : undefined);

interface Delivery {
  user: ChannelUser;
  userId: string;
  teamId: string;
  /** The DM channel, when the request came from it. */
  dmChannel?: string;
  /** Open a dialog step as a modal with this trigger, while it is fresh. */
  trigger?: { id: string; receivedAt: number };
  /** The teacher is typing: steps as text prompts. */
  stepsAsText?: boolean;
  /** A DM step message that was answered: replaced in place by its summary (or by itself with errors). */
  answeredMessage?: { channel: string; ts: string; stepId?: string };
}

const CHANGING_ROUTES = /^(dialog\.|prepare|conversation|review|groupConversation|note|resume|setLocale)/;

export function createSlackChannel(deps: SlackChannelDeps): SlackChannel {
  const { core, db, logger, http } = deps;
  const blog = boltLogger(logger);
  const clientOptions: WebClientOptions = {
    ...(deps.apiUrl ? { slackApiUrl: deps.apiUrl.endsWith("/") ? deps.apiUrl : `${deps.apiUrl}/` } : {}),
    // A 429 comes back to us at once (with Retry-After) instead of pausing the client's queue:
    // the default would sleep and retry for up to half an hour, stalling every other call.
    rejectRateLimitedCalls: true,
    // No automatic retries: a retried chat.postMessage after a 5xx can post twice.
    retryConfig: { retries: 0 },
    timeout: 10_000,
    logger: blog,
  };
  const client = new WebClient(deps.botToken, clientOptions);
  const ledger = new DeliveryLedger(db);
  const bound = new BoundTeams(db);
  const budgetMs = deps.submissionBudgetMs ?? 2000;
  const refusal = () => translatorFor(deps.defaultLocale)("unknownTenant");

  // auth.test once (the bot's own ids, so Bolt ignores the bot's own messages); again after a failure.
  let botIds: Promise<{ botUserId?: string; botId?: string }> | undefined;
  const authorize = async () => {
    botIds ??= client.auth.test().then(
      (r) => ({ ...(r.user_id ? { botUserId: r.user_id } : {}), ...(r.bot_id ? { botId: r.bot_id } : {}) }),
      (error: unknown) => {
        botIds = undefined;
        throw error;
      },
    );
    return { botToken: deps.botToken, ...(await botIds) };
  };

  http.post(SLACK_ENDPOINT, signatureGuard(logger), slackPayloadGuard({ signingSecret: deps.signingSecret, logger }));
  const receiver = new ExpressReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_ENDPOINT,
    app: http as never,
    logger: blog,
    processBeforeResponse: false,
  });
  const app = new App({ receiver, authorize, logger: blog, clientOptions, convoStore: false });

  // Every request: the workspace must be bound to a school; anything else gets a refusal and no data.
  app.use(async (args) => {
    const body = args.body as Json;
    const teamId = teamIdOf(body);
    if (await bound.isBound(teamId)) {
      await args.next();
      return;
    }
    logger.info({ channel: "slack", code: "unknown_workspace", teamId }, "request from a workspace that is not bound to a school");
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (body.command && ack) await ack({ response_type: "ephemeral", text: refusal() });
    else if (ack) await ack();
  });

  // ------------------------------------------------------------------------------------------
  // Replies

  const dmChannels = new Map<string, string>();
  async function dmChannelOf(d: Delivery): Promise<string> {
    if (d.dmChannel) return d.dmChannel;
    const key = `${d.teamId}:${d.userId}`;
    const known = dmChannels.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: d.userId });
    const id = opened.channel?.id;
    if (!id) throw new Error("conversations.open gave no channel");
    if (dmChannels.size > 10_000) dmChannels.clear();
    dmChannels.set(key, id);
    return id;
  }

  async function post(channel: string, message: SlackMessage): Promise<void> {
    await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
  }

  const remembered = new Set<string>();
  async function remember(d: Delivery, channelId: string): Promise<void> {
    const key = `${d.teamId}:${d.userId}:${channelId}`;
    if (remembered.has(key)) return;
    const reference: SlackReference = { teamId: d.teamId, userId: d.userId, channelId };
    if (await core.rememberAddress(d.user, reference)) remembered.add(key);
  }

  async function openModal(trigger: Delivery["trigger"], view: SlackModalView): Promise<boolean> {
    if (!trigger || Date.now() - trigger.receivedAt > TRIGGER_FRESH_MS) return false;
    try {
      await client.views.open({ trigger_id: trigger.id, view: view as never });
      return true;
    } catch (error) {
      // An expired trigger or a view Slack refuses: the step goes to the DM instead.
      logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not open the step as a modal");
      return false;
    }
  }

  async function deliver(result: TurnResult, d: Delivery): Promise<void> {
    const channel = await dmChannelOf(d);
    await remember(d, channel);
    const render = { stepsAsText: d.stepsAsText ?? false, locale: result.locale, linkFor: (f: FileAttachment) => deps.linkFor(d.user, f) };
    let replaced = false;
    let modalOpened = false;
    for (const reply of result.replies) {
      // The answered DM step becomes a summary; the same step coming back (errors) replaces it.
      const answered = d.answeredMessage;
      if (answered && !replaced && (reply.answered || reply.step?.stepId === answered.stepId)) {
        replaced = true;
        const replacement = reply.answered ? answeredMessage(reply.answered) : renderStepMessage(reply.step!);
        const updated = await client.chat.update({ channel: answered.channel, ts: answered.ts, text: replacement.text, blocks: replacement.blocks as never }).then(
          () => true,
          (error: unknown) => {
            logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not replace the answered message");
            return false;
          },
        );
        if (updated && !reply.answered) continue;
      }
      if (reply.step && !d.stepsAsText && !modalOpened) {
        const modal = modalOrNull(reply.step);
        if (modal && (await openModal(d.trigger, modal))) {
          modalOpened = true;
          if (reply.text) for (const m of await messagesFor({ text: reply.text }, render)) await post(channel, m);
          continue;
        }
      }
      for (const message of await messagesFor(reply, render)) await post(channel, message);
    }
    if (CHANGING_ROUTES.test(result.route ?? "")) scheduleHomeRefresh(d);
  }

  async function turn(inbound: InboundTurn, d: Delivery): Promise<void> {
    const result = await core.handleTurn(inbound);
    await deliver(result, d);
  }

  /** One failure path for every handler: a log line with codes only, and an apology in the DM. */
  async function guarded(d: Delivery | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      logger.error({ channel: "slack", code: slackErrorCode(error) }, "slack request failed");
      if (d) await dmChannelOf(d).then((channel) => post(channel, { text: translatorFor(deps.defaultLocale)("internalError"), blocks: [] })).catch(() => undefined);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Home tab

  const homeTimers = new Map<string, NodeJS.Timeout>();
  async function publishHome(d: Pick<Delivery, "user" | "userId">): Promise<void> {
    const view = await buildHomeView(db, d.user, deps.defaultLocale);
    await client.views.publish({ user_id: d.userId, view: view as never });
  }
  function scheduleHomeRefresh(d: Delivery): void {
    const key = d.user.externalId;
    clearTimeout(homeTimers.get(key));
    homeTimers.set(
      key,
      setTimeout(() => {
        homeTimers.delete(key);
        publishHome(d).catch((error: unknown) => logger.warn({ channel: "slack", code: slackErrorCode(error) }, "home tab refresh failed"));
      }, deps.homeRefreshMs ?? 1500).unref(),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Slash command: /kindgesprek <command>, the same commands as typed text (Dutch and English).

  app.command(SLASH_COMMAND, async ({ command, ack }) => {
    const receivedAt = Date.now();
    const teamId = str(command.team_id);
    const userId = str(command.user_id);
    const inDm = command.channel_name === "directmessage" || String(command.channel_id).startsWith("D");
    // Pupil data never goes into a channel: there the command is answered in the DM.
    await ack(inDm ? undefined : { response_type: "ephemeral", text: slackTexts(deps.defaultLocale).answerInDm });
    if (!isSlackId(teamId) || !isSlackId(userId)) return;
    if (!(await ledger.claim(`command:${command.trigger_id}`))) return;
    const d: Delivery = {
      user: slackUser(teamId, userId, client),
      userId,
      teamId,
      ...(inDm ? { dmChannel: command.channel_id } : {}),
      trigger: { id: command.trigger_id, receivedAt },
    };
    await guarded(d, () => turn({ user: d.user, text: cleanTypedText(command.text ?? "") || "help", isCommand: true }, d));
  });

  // ------------------------------------------------------------------------------------------
  // Events: typed DMs (answers and commands, like typed text in Teams) and the App Home.

  app.event("message", async ({ event, body, context }) => {
    const e = event as unknown as Json;
    // Only what a person typed in the DM with the bot: no edits, joins, bots (our own posts).
    if (e.channel_type !== "im" || e.subtype !== undefined || e.bot_id !== undefined) return;
    const userId = str(e.user);
    const teamId = str(e.user_team) ?? str(e.team) ?? teamIdOf(body);
    const channel = str(e.channel);
    if (!isSlackId(userId) || !isSlackId(teamId) || !isSlackId(channel)) return;
    const eventId = str((body as Json).event_id) ?? `${channel}:${str(e.ts)}`;
    if (!(await ledger.claim(`event:${eventId}`))) {
      logger.info({ channel: "slack", code: "duplicate_event", retryNum: context.retryNum }, "repeated Slack event ignored");
      return;
    }
    const d: Delivery = { user: slackUser(teamId, userId, client), userId, teamId, dmChannel: channel };
    await guarded(d, async () => {
      const result = await core.handleTurn({ user: d.user, text: cleanTypedText(str(e.text) ?? "") });
      // Typing during a dialog: the next question comes as text too (one at a time).
      await deliver(result, { ...d, stepsAsText: (result.route ?? "").startsWith("dialog.") });
    });
  });

  app.event("app_home_opened", async ({ event, body }) => {
    const e = event as unknown as Json;
    const userId = str(e.user);
    const teamId = teamIdOf(body);
    if (!isSlackId(userId) || !isSlackId(teamId)) return;
    const eventId = str((body as Json).event_id);
    if (eventId && !(await ledger.claim(`event:${eventId}`))) return;
    const d: Delivery = { user: slackUser(teamId, userId, client), userId, teamId };
    await guarded(undefined, async () => {
      if (e.tab === "messages") {
        const channel = str(e.channel);
        if (!isSlackId(channel)) return;
        const known = await core.rememberAddress(d.user, { teamId, userId, channelId: channel } satisfies SlackReference);
        // The welcome once per person, ever (across instances and restarts).
        if (known && (await ledger.claim(`welcome:${teamId}:${userId}`))) await deliver(await core.welcome(d.user), { ...d, dmChannel: channel });
        return;
      }
      await publishHome(d);
    });
  });

  // ------------------------------------------------------------------------------------------
  // Interactions

  function interactionDelivery(body: Json): Delivery | undefined {
    const user = obj(body.user);
    const userId = str(user?.id);
    const teamId = str(user?.team_id) ?? teamIdOf(body);
    if (!isSlackId(userId) || !isSlackId(teamId)) return undefined;
    const channel = str(obj(body.channel)?.id);
    return {
      user: slackUser(teamId, userId, client),
      userId,
      teamId,
      ...(channel?.startsWith("D") ? { dmChannel: channel } : {}),
      ...(str(body.trigger_id) ? { trigger: { id: str(body.trigger_id)!, receivedAt: Date.now() } } : {}),
    };
  }

  /** A repeated payload (same trigger) is handled once. */
  async function firstDelivery(kind: string, body: Json): Promise<boolean> {
    const trigger = str(body.trigger_id);
    const action = obj((body.actions as unknown[] | undefined)?.[0]);
    const key = trigger ?? str(action?.action_ts);
    return key ? ledger.claim(`${kind}:${key}`) : true;
  }

  // Quick-action buttons and drop-downs: a command, as if typed; a dialog it starts opens as a modal.
  app.action(new RegExp(`^(${COMMAND_ACTION_PREFIX}|${COMMAND_SELECT_ACTION_ID}$)`), async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Json;
    const a = action as unknown as Json;
    const pressed = decodeButtonValue(str(a.value) ?? str(obj(a.selected_option)?.value));
    const d = interactionDelivery(b);
    if (!d || !pressed || !(await firstDelivery("action", b))) return;
    await guarded(d, () => turn({ user: d.user, ...pressed }, d));
  });

  // "Fill in" on a DM step: the step (as it is now) opens as a modal.
  app.action(OPEN_MODAL_ACTION_ID, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Json;
    const token = parseStepToken(str((action as unknown as Json).value));
    const d = interactionDelivery(b);
    if (!d || !token || !(await firstDelivery("action", b))) return;
    await guarded(d, () => turn({ user: d.user, text: "", action: { command: "resume", args: { sessionId: token.sessionId } } }, d));
  });

  // Step buttons and one-click field answers, in a DM message or in a modal.
  app.action(/^gw_(step_|field:)/, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Json;
    const a = action as unknown as Parameters<typeof parseBlockAction>[0];
    const d = interactionDelivery(b);
    if (!d || !(await firstDelivery("action", b))) return;
    const view = obj(b.view);
    await guarded(d, async () => {
      if (view && view.type === "modal") {
        const submission = parseBlockAction(a, str(view.private_metadata), view.state);
        const result = await core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
        await updateModal(result, d, str(view.id), str(view.hash));
        return;
      }
      const submission = parseBlockAction(a, undefined);
      const message = obj(b.message);
      const channel = str(obj(b.channel)?.id) ?? str(obj(b.container)?.channel_id);
      const ts = str(message?.ts) ?? str(obj(b.container)?.message_ts);
      const result = await core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
      // Answering in a message continues in messages (no modal pops up after a click).
      const { trigger: _trigger, ...rest } = d;
      await deliver(result, { ...rest, ...(channel && ts ? { answeredMessage: { channel, ts, ...(submission ? { stepId: submission.stepId } : {}) } } : {}) });
    });
  });

  // A modal step submitted. Its answer — field errors, the next step, or closing — is the ack.
  app.view(STEP_CALLBACK_ID, async ({ ack, body, view }) => {
    const b = body as unknown as Json;
    const d = interactionDelivery(b);
    if (!d) {
      await ack();
      return;
    }
    if (!(await firstDelivery("view", b))) {
      await ack();
      return;
    }
    const submission = withOwnVersion(view.id, parseModalSubmission(view as never));
    const work = core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
    const timedOut = Symbol("timeout");
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([work, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), budgetMs)))]);
    clearTimeout(timer);
    const submittedStep = submission?.stepId;
    if (first !== timedOut) {
      const { response, rest } = modalResponse(first, submittedStep);
      if (response?.response_action === "errors" && submission) noteOwnVersion(view.id, submission, first);
      await ack(response as never);
      await guarded(d, () => deliver({ ...first, replies: rest }, withoutTrigger(d)));
      return;
    }
    // Too slow for the ack: show "saving…" now, the result when it is there.
    await ack({ response_action: "update", view: infoModal(slackTexts(deps.defaultLocale).saving, deps.defaultLocale) } as never);
    await guarded(d, async () => {
      const result = await work;
      await updateModal(result, d, str(view.id), undefined);
    });
  });

  // The modal was closed (its "Pause" button or Slack's ×): the dialog pauses, keeping what was typed.
  app.view({ callback_id: STEP_CALLBACK_ID, type: "view_closed" }, async ({ ack, body, view }) => {
    await ack();
    const b = body as unknown as Json;
    const d = interactionDelivery(b);
    const token = withOwnVersion(view.id, parseStepToken(view.private_metadata));
    if (!d || !token) return;
    const values = readModalState(view.state) ?? {};
    await guarded(d, () => turn({ user: d.user, text: "", submission: { ...token, action: "pause", values } }, withoutTrigger(d)));
  });

  // Storing an invalid answer (to show it again) moves the session's version on, but a modal
  // answered with response_action "errors" keeps its old private_metadata. The next submission
  // of that same view carries the old version: it is ours, not stale, so it is mapped forward.
  // (On another instance the map is empty: the teacher then sees the step again, marked stale,
  // with everything typed still in it — nothing is lost.)
  const ownVersions = new Map<string, { stepId: string; from: number; to: number }>();
  function noteOwnVersion(viewId: string, submission: { stepId: string; version: number }, result: TurnResult): void {
    const step = result.replies.find((r) => r.step)?.step;
    if (!step || step.stepId !== submission.stepId) return;
    if (ownVersions.size > 10_000) ownVersions.clear();
    ownVersions.set(viewId, { stepId: step.stepId, from: submission.version, to: step.version });
  }
  function withOwnVersion<T extends { stepId: string; version: number }>(viewId: string, submission: T | null): T | null {
    const own = ownVersions.get(viewId);
    if (!submission || !own || own.stepId !== submission.stepId || own.from !== submission.version) return submission;
    return { ...submission, version: own.to };
  }

  /** The ack for a modal submission, and the replies that go to the DM. */
  function modalResponse(result: TurnResult, submittedStep: string | undefined): { response: Json | undefined; rest: BotReply[] } {
    const stepIndex = result.replies.findIndex((r) => r.step);
    if (stepIndex < 0) return { response: { response_action: "clear" }, rest: result.replies };
    const step = result.replies[stepIndex]!.step!;
    // Text before the step (e.g. "this step is no longer current") is shown in the modal.
    const notes = result.replies.slice(0, stepIndex).filter((r) => !r.step && r.text).map((r) => r.text);
    const rest = result.replies.filter((r, i) => i !== stepIndex && !(i < stepIndex && !r.step && r.text && !r.attachments?.length));
    const errors = modalErrors(step);
    if (step.stepId === submittedStep && notes.length === 0 && step.errors.length === 0 && Object.keys(errors).length > 0) {
      return { response: { response_action: "errors", errors }, rest };
    }
    const modal = modalOrNull({ ...step, errors: [...notes, ...step.errors] });
    if (!modal) return { response: { response_action: "clear" }, rest: result.replies };
    return { response: { response_action: "update", view: modal }, rest };
  }

  /** After a button inside a modal (or a slow submission): the modal shows what comes next. */
  async function updateModal(result: TurnResult, d: Delivery, viewId: string | undefined, hash: string | undefined): Promise<void> {
    const { response, rest } = modalResponse(result, undefined);
    let view: SlackModalView | ReturnType<typeof infoModal>;
    if (response?.response_action === "update") view = response.view as SlackModalView;
    else {
      const text = result.replies.map((r) => r.text).filter(Boolean).join("\n\n");
      view = infoModal(text || slackTexts(result.locale).paused, result.locale);
    }
    if (viewId) {
      await client.views.update({ view_id: viewId, ...(hash ? { hash } : {}), view: view as never }).catch((error: unknown) => {
        logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not update the modal");
      });
    }
    await deliver({ ...result, replies: rest }, withoutTrigger(d));
  }

  function modalOrNull(step: StepView): SlackModalView | null {
    try {
      return renderStepModal(step, { callbackId: STEP_CALLBACK_ID });
    } catch {
      return null; // too many fields for a modal: the step goes to the DM
    }
  }

  app.error(async (error) => {
    logger.error({ channel: "slack", code: slackErrorCode(error) }, "slack handler failed");
  });

  return {
    client,
    sender: createSlackSender(client),
    stop() {
      for (const timer of homeTimers.values()) clearTimeout(timer);
      homeTimers.clear();
    },
  };
}

function withoutTrigger(d: Delivery): Delivery {
  const { trigger: _trigger, ...rest } = d;
  return rest;
}

/** A modal with just text and a close button: after a dialog ended or paused from a modal. */
function infoModal(text: string, locale: Locale) {
  const s = slackTexts(locale);
  return {
    type: "modal" as const,
    callback_id: "gw_info",
    title: { type: "plain_text" as const, text: s.appName },
    close: { type: "plain_text" as const, text: s.close },
    blocks: textSections(text).slice(0, 50),
  };
}

/** Slack's error code ("channel_not_found", "slack_webapi_rate_limited_error"), never a message. */
function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown; name?: unknown } | undefined;
  const code = e?.data?.error ?? e?.code ?? e?.name;
  return typeof code === "string" ? code.slice(0, 80) : "unknown";
}

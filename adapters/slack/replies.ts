// The core's answer to a Slack request, delivered: in the teacher's DM (opened on demand), a
// step as a modal while the request's trigger is fresh, the answered DM message replaced by its
// summary (or by the same step with errors), as the shared delivery plan decides. Also the one
// failure path every handler shares.
import type { WebClient } from "@slack/web-api";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { ChannelUser, FileAttachment, InboundTurn, TurnResult } from "../../bot/channel/types.js";
import type { Logger } from "../../bot/logger.js";
import { translatorFor } from "../../bot/i18n/translate.js";
import { renderStepMessage, renderStepModal, type SlackModalView } from "../../dialogs/render/block-kit/index.js";
import { renderAnsweredMessage } from "../../dialogs/render/answered/index.js";
import type { StepView } from "../../dialogs/engine/types.js";
import { AddressCache, planDelivery, type OutboundPart, type Replacement } from "../shared/delivery-plan.js";
import { slackErrorCode, type Delivery } from "./delivery.js";
import type { HomeTab } from "./home-refresh.js";
import type { SlackReference } from "./inbound.js";
import { messagesForPart, type RenderOptions, type SlackMessage } from "./outbound.js";

export const STEP_CALLBACK_ID = "gw_step";
/** A trigger_id is valid for 3 s after the interaction; past this, open no modal (post instead). */
const TRIGGER_FRESH_MS = 2500;

export interface RepliesDeps {
  core: BotCore;
  client: WebClient;
  logger: Logger;
  home: HomeTab;
  linkFor: (user: ChannelUser, file: FileAttachment) => Promise<string>;
}

/** A step as a modal, or null when it has too many fields for one (it then goes to the DM). */
export function modalOrNull(step: StepView): SlackModalView | null {
  try {
    return renderStepModal(step, { callbackId: STEP_CALLBACK_ID });
  } catch {
    return null;
  }
}

export class SlackReplies {
  private readonly dmChannels = new Map<string, string>();
  private readonly addresses = new AddressCache();

  constructor(private readonly deps: RepliesDeps) {}

  /** The core's answer to an inbound turn, delivered. */
  async turn(inbound: InboundTurn, d: Delivery): Promise<void> {
    await this.deliver(await this.deps.core.handleTurn(inbound), d);
  }

  async deliver(result: TurnResult, d: Delivery): Promise<void> {
    const channel = await this.dmChannelOf(d);
    const reference: SlackReference = { teamId: d.teamId, userId: d.userId, channelId: channel };
    await this.addresses.remember(`${d.teamId}:${d.userId}:${channel}`, () => this.deps.core.rememberAddress(d.user, reference));
    const render: RenderOptions = { stepsAsText: d.stepsAsText ?? false, locale: result.locale, linkFor: (f) => this.deps.linkFor(d.user, f) };
    const answered = d.answeredMessage;
    const plan = planDelivery(result.replies, { stepsAsText: render.stepsAsText, answered });
    let modalOpened = false;
    for (const { parts, replace } of plan) {
      if (replace && answered && (await this.replaceAnswered(answered, replace)) && replace.kind === "step") continue;
      const step = parts.find((p) => p.kind === "step");
      // The first step opens as a modal while the trigger is fresh; its text goes to the DM.
      if (step && !modalOpened) {
        const modal = modalOrNull(step.step);
        if (modal && (await this.openModal(d.trigger, modal))) {
          modalOpened = true;
          for (const part of parts) if (part.kind === "text") await this.postPart(channel, part, render);
          continue;
        }
      }
      for (const part of parts) await this.postPart(channel, part, render);
    }
    if (result.changed) this.deps.home.scheduleRefresh(d);
  }

  /** One failure path for every handler: a log line with codes only, and an apology in the DM. */
  async guarded(d: Delivery | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.deps.logger.error({ channel: "slack", code: slackErrorCode(error) }, "slack request failed");
      if (!d) return;
      // In her own language when she is known (Slack sends no locale of its own), else the default.
      const apology = { text: translatorFor(await this.deps.core.localeOf(d.user))("internalError"), blocks: [] };
      await this.dmChannelOf(d)
        .then((channel) => this.post(channel, apology))
        .catch(() => undefined);
    }
  }

  async dmChannelOf(d: Delivery): Promise<string> {
    if (d.dmChannel) return d.dmChannel;
    const key = `${d.teamId}:${d.userId}`;
    const known = this.dmChannels.get(key);
    if (known) return known;
    const opened = await this.deps.client.conversations.open({ users: d.userId });
    const id = opened.channel?.id;
    if (!id) throw new Error("conversations.open gave no channel");
    if (this.dmChannels.size > 10_000) this.dmChannels.clear();
    this.dmChannels.set(key, id);
    return id;
  }

  private async postPart(channel: string, part: OutboundPart, render: RenderOptions): Promise<void> {
    for (const message of await messagesForPart(part, render)) await this.post(channel, message);
  }

  private async post(channel: string, message: SlackMessage): Promise<void> {
    // Our Block Kit types are a structural subset of Slack's block types.
    await this.deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never, unfurl_links: false });
  }

  /** Replaces the answered DM message; false when Slack refused (deleted, too old). */
  private async replaceAnswered(answered: NonNullable<Delivery["answeredMessage"]>, replace: Replacement): Promise<boolean> {
    const replacement = replace.kind === "summary" ? renderAnsweredMessage(replace.answered) : renderStepMessage(replace.step);
    return this.deps.client.chat.update({ channel: answered.channel, ts: answered.ts, text: replacement.text, blocks: replacement.blocks as never }).then(
      () => true,
      (error: unknown) => {
        this.deps.logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not replace the answered message");
        return false;
      },
    );
  }

  private async openModal(trigger: Delivery["trigger"], view: SlackModalView): Promise<boolean> {
    if (!trigger || Date.now() - trigger.receivedAt > TRIGGER_FRESH_MS) return false;
    try {
      await this.deps.client.views.open({ trigger_id: trigger.id, view: view as never });
      return true;
    } catch (error) {
      // An expired trigger or a view Slack refuses: the step goes to the DM instead.
      this.deps.logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not open the step as a modal");
      return false;
    }
  }
}

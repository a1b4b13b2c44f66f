// How the simulated teacher's messages reach the bot. The core driver calls the real core
// (createCore, handleTurn) as a channel adapter does, claiming each delivery once in the database
// first, as the Teams adapter does; a restart builds a new core on the same database.
import { randomUUID } from "node:crypto";
import pino from "pino";
import { createCore } from "../../../app/core.js";
import type { BotCore } from "../../../bot/chat/handle-turn.js";
import type { ChannelUser, InboundTurn, TurnResult } from "../../../bot/channel/types.js";
import type { Db } from "../../../bot/db/client.js";

/** A step card the teacher was shown: what its buttons send back. */
export interface ShownView {
  sessionId: string;
  stepId: string;
  version: number;
  fieldIds: string[];
  /** The message that showed it, where a channel replies to it (a Teams card's Action.Submit). */
  activityId?: string;
}

export interface Sent {
  views: ShownView[];
  /** Everything the replies showed, as one string (to look for what was typed). */
  text: string;
}

export type TurnInput = Pick<InboundTurn, "text" | "action" | "submission">;

export interface Driver {
  /** Delivers one message `times` times under one delivery id (a channel's retry): it must act once. `card`: the card submitted. */
  deliver(user: ChannelUser, input: TurnInput, times: number, restartBetween: boolean, card?: ShownView): Promise<Sent>;
  restart(): Promise<void>;
}

export function sentOf(result: TurnResult): Sent {
  const views = result.replies.flatMap((r) =>
    r.step ? [{ sessionId: r.step.sessionId, stepId: r.step.stepId, version: r.step.version, fieldIds: r.step.fields.map((f) => f.id) }] : [],
  );
  return { views, text: JSON.stringify(result.replies) };
}

export class CoreDriver implements Driver {
  private core: BotCore;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {
    this.core = this.build();
  }

  private build(): BotCore {
    return createCore({ db: this.db, logger: pino({ level: "silent" }), defaultLocale: "nl", clock: this.clock });
  }

  async restart(): Promise<void> {
    this.core = this.build();
  }

  async deliver(user: ChannelUser, input: TurnInput, times: number, restartBetween: boolean): Promise<Sent> {
    const key = `model:${randomUUID()}`;
    const once = async (): Promise<Sent | null> =>
      (await this.core.claimDelivery("teams", key)) ? sentOf(await this.core.handleTurn({ user, ...input })) : null;
    // Repeats arrive one after the other (with a restart in between), or all at once (a retry racing the first).
    if (!restartBetween) return (await Promise.all(Array.from({ length: times }, once))).find((s) => s !== null) ?? { views: [], text: "" };
    let sent: Sent | null = null;
    for (let i = 0; i < times; i++) {
      if (i > 0) await this.restart();
      const delivered = await once();
      sent ??= delivered;
    }
    return sent ?? { views: [], text: "" };
  }
}

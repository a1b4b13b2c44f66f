// The edge of POST /api/messages. An activity is checked for the shape the SDK relies on before
// the SDK sees it (a non-string type or serviceUrl made it throw: 500); the SDK's own request
// handling is bypassed for processActivity, because it answers failures with the error's message
// (internal text such as a failed OpenID metadata fetch) and prints the error with console.error,
// outside the structured logger. Here: 400 for a malformed activity, 401 when the request is not
// authenticated (or cannot be verified), 500 without text when our own code failed.
import type { Request, Response } from "express";
import type { TurnContext } from "botbuilder";
import type { TeamsAdapter } from "@microsoft/teams-ai";
import { z } from "zod";
import type { Logger } from "../../bot/logger.js";

const Id = z.string().min(1).max(1024);
const Account = z.looseObject({ id: Id, name: z.string().max(1024).nullish(), aadObjectId: z.string().max(256).nullish() });
const Text = z.string().max(100_000).nullish();

/** The fields the SDK and our inbound translation dereference; everything else passes as it is. */
export const ActivityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).nullish(),
  serviceUrl: z
    .string()
    .max(2048)
    .refine((v) => /^https?:\/\//.test(v), "not an http(s) URL")
    .optional(),
  channelId: z.string().max(64).optional(),
  // Every activity names who sent it, to whom and in which conversation (the Bot Framework's
  // schema); the turn state's keys and the mention handling read all three, so without one the
  // turn failed inside the SDK (a logged error, and a 200 the sender could not tell from success).
  from: Account,
  recipient: Account,
  conversation: z.looseObject({ id: Id, tenantId: z.string().max(256).nullish(), conversationType: z.string().max(64).nullish() }),
  text: Text,
  locale: z.string().max(64).nullish(),
  replyToId: z.string().max(1024).nullish(),
  action: z.string().max(64).nullish(),
  name: z.string().max(256).nullish(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  expiration: z.string().max(64).optional(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(50)
    .optional(),
  entities: z
    .array(z.looseObject({ type: z.string().max(256) }))
    .max(50)
    .optional(),
  membersAdded: z.array(Account).max(1000).optional(),
  membersRemoved: z.array(Account).max(1000).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(256) }).optional() }).nullish(),
});

/** Timestamps arrive as text; the SDK's turn code expects dates (as its own request handler does). */
function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  const out = { ...activity };
  for (const [field, raw] of [
    ["timestamp", "rawTimestamp"],
    ["localTimestamp", "rawLocalTimestamp"],
    ["expiration", "rawExpiration"],
  ] as const) {
    if (typeof out[field] === "string") {
      out[raw] = out[field];
      out[field] = new Date(out[field] as string);
    }
  }
  return out;
}

export interface GuardedProcessOptions {
  adapter: TeamsAdapter;
  logger: Logger;
  /** With app credentials every failure before our turn logic runs is an authentication failure. */
  authenticated: boolean;
}

export async function processGuarded(o: GuardedProcessOptions, req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  const parsed = ActivityShape.safeParse(req.body);
  if (!parsed.success) {
    // The paths of the offending fields only, never their values.
    o.logger.info({ channel: "teams", code: "malformed_activity", fields: parsed.error.issues.map((i) => i.path.join(".")).slice(0, 5) }, "activity refused");
    res.status(400).json({ error: "malformed activity" });
    return;
  }
  const authorization = req.headers.authorization;
  const authHeader = typeof authorization === "string" ? authorization : "";
  if (o.authenticated && !/^Bearer \S+$/.test(authHeader)) {
    o.logger.info({ channel: "teams", code: "unauthenticated" }, "activity refused");
    res.status(401).json({ error: "unauthorized" });
    return;
  }
  let turnStarted = false;
  try {
    // The method adapter.process() itself calls after parsing; protected in the typings only.
    // (processActivityDirect is public but drops the invoke response that invokes need.)
    const sdk = o.adapter as unknown as {
      processActivity(
        auth: string,
        activity: unknown,
        logic: (context: TurnContext) => Promise<void>,
      ): Promise<{ status?: number; body?: unknown } | undefined>;
    };
    const invokeResponse = await sdk.processActivity(authHeader, withDates(parsed.data), async (context: TurnContext) => {
      turnStarted = true;
      await logic(context);
    });
    if (res.headersSent) return;
    // An invoke nobody handles: the SDK answers 501 with no body. It is a request this bot does
    // not take (a 4xx), said in JSON like every other refusal.
    if (invokeResponse?.status === 501 && invokeResponse.body === undefined) {
      const name = String((parsed.data as { name?: unknown }).name ?? "")
        .replace(/[^\w/.-]/g, "")
        .slice(0, 60);
      o.logger.info({ channel: "teams", code: "invoke_not_supported", name }, "activity refused");
      res.status(400).json({ error: "this invoke is not supported" });
      return;
    }
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.send(invokeResponse.body);
    res.end();
  } catch (error) {
    if (!turnStarted) {
      // The token was rejected, or could not be verified (no OpenID metadata): not authenticated.
      o.logger.info({ channel: "teams", code: o.authenticated ? "unauthenticated" : "activity_rejected", err: error }, "activity refused");
      if (!res.headersSent) res.status(o.authenticated ? 401 : 400).json({ error: o.authenticated ? "unauthorized" : "activity rejected" });
      return;
    }
    o.logger.error({ channel: "teams", err: error }, "teams request failed");
    if (!res.headersSent) res.status(500).json({ error: "internal error" });
  }
}

// Checks a Slack request before Bolt sees it: the signature (HMAC over the raw body, as Bolt does)
// and then the shape of the payload. Bolt and our listeners dereference fields such as `user.id`
// and `view.id`; a signed payload with `user: null` or `view: null` made them throw, which Bolt
// answers with 500, and Slack retries every 5xx. A malformed payload gets 400 here instead, with
// a log line naming the offending fields, never their values. The raw body is handed on as
// `req.rawBody`, which Bolt's receiver reads instead of the stream.
import { createHmac, timingSafeEqual } from "node:crypto";
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import type { Logger } from "../../bot/logger.js";

const Str = z.string().min(1).max(4096);
const Obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);

const Interaction = Obj({
  type: Str,
  user: Obj({ id: Str }),
  team: Obj({ id: Str }).nullable().optional(),
  api_app_id: z.string().max(64).optional(),
  trigger_id: z.string().max(256).optional(),
  response_url: z.string().max(2048).optional(),
  view: Obj({
    id: Str,
    callback_id: z.string().max(256).optional(),
    private_metadata: z.string().max(4000).optional(),
    state: Obj({ values: z.record(z.string(), z.unknown()) }).optional(),
  }).optional(),
  actions: z
    .array(Obj({ action_id: z.string().max(256).optional(), type: z.string().max(64).optional() }))
    .max(50)
    .optional(),
  container: Obj({ type: z.string().max(64).optional() }).optional(),
  channel: Obj({ id: Str }).optional(),
  message: Obj({ ts: z.string().max(64).optional() }).optional(),
}).superRefine((p, ctx) => {
  if ((p.type === "view_submission" || p.type === "view_closed") && !p.view) ctx.addIssue({ code: "custom", path: ["view"], message: "required" });
});

const SlashCommand = Obj({
  command: Str,
  user_id: Str,
  team_id: Str,
  channel_id: Str,
  text: z.string().max(10_000),
  trigger_id: z.string().max(256).optional(),
  response_url: z.string().max(2048).optional(),
});

const EventEnvelope = Obj({
  type: Str,
  team_id: z.string().max(64).optional(),
  challenge: z.string().max(1024).optional(),
  event_id: z.string().max(256).optional(),
  event: Obj({
    type: Str,
    user: z.union([z.string().max(256), Obj({ id: Str })]).optional(),
    channel: z.union([z.string().max(256), Obj({ id: Str })]).optional(),
    text: z.string().max(40_000).optional(),
    subtype: z.string().max(64).optional(),
    tab: z.string().max(64).optional(),
  }).optional(),
}).superRefine((p, ctx) => {
  if (p.type === "event_callback" && (!p.event || !p.team_id)) ctx.addIssue({ code: "custom", path: ["event"], message: "event and team_id required" });
  if (p.type === "url_verification" && !p.challenge) ctx.addIssue({ code: "custom", path: ["challenge"], message: "required" });
});

type Check = { ok: true } | { ok: false; fields: string[] };

/** The payload's shape, by how Slack sends it (form with `payload`, form command, or JSON event). */
export function checkSlackPayload(rawBody: string, contentType: string): Check {
  const fail = (issues: z.core.$ZodIssue[]): Check => ({ ok: false, fields: issues.map((i) => i.path.join(".") || "(body)").slice(0, 5) });
  try {
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(rawBody);
      const payload = form.get("payload");
      if (payload !== null) {
        const parsed = Interaction.safeParse(JSON.parse(payload));
        return parsed.success ? { ok: true } : fail(parsed.error.issues);
      }
      const parsed = SlashCommand.safeParse(Object.fromEntries(form));
      return parsed.success ? { ok: true } : fail(parsed.error.issues);
    }
    const parsed = EventEnvelope.safeParse(JSON.parse(rawBody));
    return parsed.success ? { ok: true } : fail(parsed.error.issues);
  } catch {
    return { ok: false, fields: ["(body is not valid JSON)"] };
  }
}

function validSignature(secret: string, req: Request, body: Buffer): boolean {
  const signature = req.header("x-slack-signature") ?? "";
  const timestamp = req.header("x-slack-request-timestamp") ?? "";
  const expected = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`;
  return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
}

export function slackPayloadGuard(o: { signingSecret: string; logger: Logger; bodyLimit?: string }) {
  const raw = express.raw({ type: () => true, limit: o.bodyLimit ?? "1mb" });
  return (req: Request, res: Response, next: NextFunction) => {
    raw(req, res, (error?: unknown) => {
      if (error || !Buffer.isBuffer(req.body)) {
        o.logger.info({ channel: "slack", code: "body_unreadable" }, "Slack request refused");
        res.status(400).end();
        return;
      }
      const body = req.body;
      if (!validSignature(o.signingSecret, req, body)) {
        o.logger.warn({ channel: "slack", code: "bad_signature" }, "Slack request refused");
        res.status(401).end();
        return;
      }
      const check = checkSlackPayload(body.toString("utf8"), req.header("content-type") ?? "");
      if (!check.ok) {
        o.logger.info({ channel: "slack", code: "malformed_payload", fields: check.fields }, "Slack request refused");
        res.status(400).json({ error: "malformed Slack payload" });
        return;
      }
      // Bolt reads the body from here (the stream is consumed) and parses it itself.
      (req as Request & { rawBody?: Buffer }).rawBody = body;
      req.body = undefined;
      next();
    });
  };
}

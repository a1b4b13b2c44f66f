// block_actions: quick-action buttons and drop-downs (a typed action), "Fill in" on a DM step
// (resume that session in a modal), and step buttons and one-click field answers, in a DM
// message or inside a modal. Every payload is parsed first; a repeated one is handled once.
import type { App } from "@slack/bolt";
import { OPEN_MODAL_ACTION_ID, parseBlockAction, parseStepToken } from "../../dialogs/render/block-kit/index.js";
import { decodeButtonValue, UNREADABLE_BUTTON } from "../shared/button-action.js";
import type { SlackContext } from "./context.js";
import { interactionDelivery, withoutTrigger } from "./delivery.js";
import { updateModal } from "./modal-submissions.js";
import { COMMAND_ACTION_PREFIX, COMMAND_SELECT_ACTION_ID } from "./outbound.js";
import { BlockActionsPayload } from "./payloads.js";

/** The parsed payload, its first action and its delivery, once per payload; undefined otherwise. */
async function firstParsed(ctx: SlackContext, body: unknown) {
  const payload = BlockActionsPayload.safeParse(body).data;
  if (!payload) return undefined;
  const d = interactionDelivery(ctx.client, payload);
  const action = payload.actions[0]!;
  // A repeated payload (same trigger) is handled once.
  const key = payload.trigger_id ?? action.action_ts;
  if (!d || (key && !(await ctx.claim(`action:${key}`)))) return undefined;
  return { payload, action, d };
}

export function registerBlockActions(app: App, ctx: SlackContext): void {
  // Quick-action buttons and drop-downs: a typed action; a dialog it starts opens as a modal.
  app.action(new RegExp(`^(${COMMAND_ACTION_PREFIX}|${COMMAND_SELECT_ACTION_ID}$)`), async ({ ack, body }) => {
    await ack();
    const parsed = await firstParsed(ctx, body);
    if (!parsed) return;
    const { action, d } = parsed;
    // An unreadable value is answered like unreadable input: politely, by the core.
    const pressed = decodeButtonValue(action.value ?? action.selected_option?.value) ?? UNREADABLE_BUTTON;
    await ctx.replies.guarded(d, () => ctx.replies.turn({ user: d.user, ...pressed }, d));
  });

  // "Fill in" on a DM step: the session (as it is now) resumes, its step opening as a modal.
  app.action(OPEN_MODAL_ACTION_ID, async ({ ack, body }) => {
    await ack();
    const parsed = await firstParsed(ctx, body);
    const token = parseStepToken(parsed?.action.value);
    if (!parsed || !token) return;
    const { d } = parsed;
    await ctx.replies.guarded(d, () => ctx.replies.turn({ user: d.user, text: "", action: { command: "resume", args: { sessionId: token.sessionId } } }, d));
  });

  // Step buttons and one-click field answers, in a DM message or in a modal.
  app.action(/^gw_(step_|field:)/, async ({ ack, body }) => {
    await ack();
    const parsed = await firstParsed(ctx, body);
    if (!parsed) return;
    const { payload, action, d } = parsed;
    const view = payload.view;
    await ctx.replies.guarded(d, async () => {
      if (view && view.type === "modal") {
        // A modal refused with field errors still carries its old stamp, on its buttons too.
        const submission = ctx.versions.mapForward(view.id, parseBlockAction(action, view.private_metadata, view.state));
        const result = await ctx.core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
        await updateModal(ctx, result, d, view.id, view.hash);
        return;
      }
      const submission = parseBlockAction(action, undefined);
      const channel = payload.channel?.id ?? payload.container?.channel_id;
      const ts = payload.message?.ts ?? payload.container?.message_ts;
      const result = await ctx.core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
      // Answering in a message continues in messages (no modal pops up after a click).
      const answeredMessage = channel && ts ? { answeredMessage: { channel, ts, ...(submission ? { stepId: submission.stepId } : {}) } } : {};
      await ctx.replies.deliver(result, { ...withoutTrigger(d), ...answeredMessage });
    });
  });
}

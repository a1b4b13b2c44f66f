// Modal steps: a submission's answer — field errors, the next step, or closing — travels in the
// ack, so the work gets a budget; past it the modal says "saving…" and is updated when the work
// is done. Closing a modal (its "Pause" button or Slack's ×) pauses the dialog, keeping what was
// typed. Every payload is parsed with zod first; an unreadable one is acknowledged and dropped.
import type { App, ViewResponseAction } from "@slack/bolt";
import type { BotReply, TurnResult } from "../../bot/channel/types.js";
import type { Locale } from "../../bot/domain/vocabulary.js";
import { modalErrors, parseModalSubmission, parseStepToken, readModalState, type SlackModalView } from "../../dialogs/render/block-kit/index.js";
import type { SlackContext } from "./context.js";
import { interactionDelivery, slackErrorCode, withoutTrigger, type Delivery } from "./delivery.js";
import { textSections } from "./outbound.js";
import { ViewPayload } from "./payloads.js";
import { modalOrNull, STEP_CALLBACK_ID } from "./replies.js";
import { slackText } from "./texts.js";

type ModalResponse =
  | { response_action: "clear" }
  | { response_action: "errors"; errors: Record<string, string> }
  | { response_action: "update"; view: SlackModalView | InfoModal };

/** A modal with just text and a close button: after a dialog ended or paused from a modal. */
interface InfoModal {
  type: "modal";
  callback_id: string;
  title: { type: "plain_text"; text: string };
  close: { type: "plain_text"; text: string };
  blocks: ReturnType<typeof textSections>;
}

function infoModal(text: string, locale: Locale): InfoModal {
  const title = slackText(locale, "slack.appName");
  return {
    type: "modal",
    callback_id: "gw_info",
    title: { type: "plain_text", text: title },
    close: { type: "plain_text", text: slackText(locale, "slack.close") },
    blocks: textSections(text).slice(0, 50),
  };
}

/** Our modal responses as Bolt's ack type: our Block Kit types are a structural subset of Slack's. */
const asViewResponse = (response: ModalResponse): ViewResponseAction => response as never;

/** The ack for a modal submission, and the replies that go to the DM. */
function modalResponse(result: TurnResult, submittedStep: string | undefined): { response: ModalResponse; rest: BotReply[] } {
  const stepIndex = result.replies.findIndex((r) => r.step);
  if (stepIndex < 0) return { response: { response_action: "clear" }, rest: result.replies };
  const step = result.replies[stepIndex]!.step!;
  // Text before the step (e.g. "this step is no longer current") is shown in the modal.
  const notes = result.replies
    .slice(0, stepIndex)
    .filter((r) => !r.step && r.text)
    .map((r) => r.text);
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
export async function updateModal(ctx: SlackContext, result: TurnResult, d: Delivery, viewId: string | undefined, hash: string | undefined): Promise<void> {
  const { response, rest } = modalResponse(result, undefined);
  let view: SlackModalView | InfoModal;
  if (response.response_action === "update") view = response.view;
  else {
    const text = result.replies
      .map((r) => r.text)
      .filter(Boolean)
      .join("\n\n");
    view = infoModal(text || slackText(result.locale, "slack.paused"), result.locale);
  }
  if (viewId) {
    await ctx.client.views.update({ view_id: viewId, ...(hash ? { hash } : {}), view: view as never }).catch((error: unknown) => {
      ctx.logger.warn({ channel: "slack", code: slackErrorCode(error) }, "could not update the modal");
    });
  }
  await ctx.replies.deliver({ ...result, replies: rest }, withoutTrigger(d));
}

export function registerModalSubmissions(app: App, ctx: SlackContext): void {
  // A modal step submitted. Its answer — field errors, the next step, or closing — is the ack.
  app.view(STEP_CALLBACK_ID, async ({ ack, body }) => {
    const payload = ViewPayload.safeParse(body).data;
    const d = payload && interactionDelivery(ctx.client, payload);
    // A repeated payload (same trigger) is handled once.
    if (!payload || !d || (payload.trigger_id && !(await ctx.claim(`view:${payload.trigger_id}`)))) {
      await ack();
      return;
    }
    const viewId = payload.view.id;
    const carried = parseModalSubmission(payload.view);
    const submission = ctx.versions.mapForward(viewId, carried);
    const work = ctx.core.handleTurn({ user: d.user, text: "", submission: submission ?? {} });
    const locale = ctx.core.localeOf(d.user);
    const timedOut = Symbol("timeout");
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([work, new Promise<typeof timedOut>((resolve) => (timer = setTimeout(() => resolve(timedOut), ctx.submissionBudgetMs)))]);
    clearTimeout(timer);
    if (first !== timedOut) {
      const { response, rest } = modalResponse(first, submission?.stepId);
      // Slack keeps the refused view as it is, with the stamp it carried: noted, to map it forward.
      if (response.response_action === "errors" && carried) ctx.versions.note(viewId, carried, first);
      await ack(asViewResponse(response));
      await ctx.replies.guarded(d, () => ctx.replies.deliver({ ...first, replies: rest }, withoutTrigger(d)));
      return;
    }
    // Too slow for the ack: show "saving…" now, the result when it is there.
    const lang = await locale;
    await ack(asViewResponse({ response_action: "update", view: infoModal(slackText(lang, "slack.saving"), lang) }));
    await ctx.replies.guarded(d, async () => updateModal(ctx, await work, d, viewId, undefined));
  });

  // The modal was closed (its "Pause" button or Slack's ×): the dialog pauses, keeping what was typed.
  app.view({ callback_id: STEP_CALLBACK_ID, type: "view_closed" }, async ({ ack, body }) => {
    await ack();
    const payload = ViewPayload.safeParse(body).data;
    const d = payload && interactionDelivery(ctx.client, payload);
    const token = payload ? ctx.versions.mapForward(payload.view.id, parseStepToken(payload.view.private_metadata)) : null;
    if (!payload || !d || !token) return;
    const values = readModalState(payload.view.state) ?? {};
    await ctx.replies.guarded(d, () => ctx.replies.turn({ user: d.user, text: "", submission: { ...token, action: "pause", values } }, withoutTrigger(d)));
  });
}

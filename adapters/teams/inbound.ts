// Teams activity → the core's channel-neutral turn. Everything from Teams is untrusted here:
// card values are parsed by the dialog renderer's parser and validated again by the engine.
import { TeamsInfo, type TurnContext } from "botbuilder";
import { z } from "zod";
import { parseCardSubmission } from "../../dialogs/render/adaptive-card/index.js";
import { LOCALES, type ChannelUser, type InboundTurn, type LocaleName } from "../../bot/channel/types.js";
import { decodeButtonValue, UNREADABLE_BUTTON } from "../shared/button-action.js";

const ChannelData = z.looseObject({ tenant: z.looseObject({ id: z.string().optional() }).optional() });

/** The tenant of an activity: Teams puts it in the conversation and in channelData. */
export function tenantOf(context: TurnContext): string | undefined {
  const activity = context.activity;
  const channelTenant = ChannelData.safeParse(activity.channelData).data?.tenant?.id;
  return activity.conversation?.tenantId ?? channelTenant;
}

/** The language of the Teams client that sent the activity ("en-US" → "en"); undefined for one we do not speak. */
export function localeOfActivity(context: TurnContext): LocaleName | undefined {
  const language = String(context.activity.locale ?? "")
    .slice(0, 2)
    .toLowerCase();
  return LOCALES.find((l) => l === language);
}

export function channelUserOf(context: TurnContext): ChannelUser {
  const from = context.activity.from;
  const tenantId = tenantOf(context);
  const locale = localeOfActivity(context);
  return {
    channel: "teams",
    // The AAD object id is stable across chats; the channel account id is per bot.
    externalId: from?.aadObjectId ?? from?.id ?? "",
    ...(tenantId ? { tenantId } : {}),
    ...(locale ? { locale } : {}),
    lookupEmail: async () => {
      const member = await TeamsInfo.getMember(context, from.id).catch(() => undefined);
      return member?.email ?? member?.userPrincipalName ?? undefined;
    },
  };
}

/** What a card's Action.Submit sends: its data, merged with the card's inputs. */
const CardValue = z.looseObject({
  gw: z.unknown().optional(),
  command: z.unknown().optional(),
  args: z.unknown().optional(),
  gwAction: z.unknown().optional(),
});

/**
 * A button on one of our command cards: "act" carries a typed action, "act-choice" a drop-down whose
 * chosen value is the action as JSON; "cmd"/"cmd-choice" are buttons from before typed actions.
 */
function buttonOf(value: unknown): Pick<InboundTurn, "action" | "text" | "isCommand"> | null | undefined {
  const v = CardValue.safeParse(value).data;
  switch (v?.gw) {
    case "act":
      return decodeButtonValue({ command: v.command, ...(v.args !== undefined ? { args: v.args } : {}) });
    case "act-choice":
      return typeof v.gwAction === "string" ? decodeButtonValue(v.gwAction) : null;
    case "cmd":
    case "cmd-choice":
      return typeof v.command === "string" ? { text: v.command.slice(0, 200), isCommand: true } : null;
    default:
      return undefined;
  }
}

/** Removes "<at>Gesprekswijzer</at>" mentions and HTML Teams may wrap typed text in. */
export function cleanText(text: string): string {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };
  return (
    text
      .replace(/<at>[^<]*<\/at>/g, "")
      // Only real tags (a letter after "<"): "<5 fouten" typed by a teacher stays.
      .replace(/<\/?[a-zA-Z][^<>]*>/g, "")
      .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => entities[m]!)
      .trim()
  );
}

export function inboundTurnOf(context: TurnContext): InboundTurn {
  const user = channelUserOf(context);
  const value: unknown = context.activity.value;
  const button = buttonOf(value);
  // An unreadable button is passed on as an unknown command: the core answers it politely.
  if (button !== undefined) return { user, ...(button ?? UNREADABLE_BUTTON) };
  if (value !== undefined && value !== null) {
    // A dialog card. A value we cannot read is passed on as is: the engine refuses it politely.
    return { user, text: "", submission: parseCardSubmission(value) ?? value };
  }
  return { user, text: cleanText(context.activity.text ?? "") };
}

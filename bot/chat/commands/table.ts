// The command table: every command once, with its Dutch and English phrases, who it is for, and
// its handler. Typed text is matched on the phrases (an exact phrase, or a prefix followed by an
// argument: "leerling Sam"); a button names the command's id with typed arguments (actions.ts).
// Authorization is not decided here: the services check every record against bot/auth/policy.ts;
// `who` names the audience for help and documentation.
import type { Locale } from "../../domain/vocabulary.js";
import { translatorFor } from "../../i18n/translate.js";
import { setStaffLocale } from "../../services/staff.js";
import type { BotReply } from "../../channel/types.js";
import type { CommandContext, CommandInput } from "./context.js";
import { startgesprekCommand } from "./startgesprek-commands.js";
import { conversationCommand, groupConversationCommand, noteCommand, prepareCommand, resumeCommand } from "./dialog-commands.js";
import { evaluateCommand } from "./evaluation-commands.js";
import { viewConversationCommand } from "./conversation-read-commands.js";
import { holidaysCommand } from "./holiday-commands.js";
import { helpReply, myGroupReply, pupilReply } from "./handlers.js";
import { progressReply } from "./progress-commands.js";
import { ownershipReply } from "./ownership-commands.js";
import { coachReply, evaluationsReply, exportReply, overviewReply } from "./overview-commands.js";
import { needsCommand } from "./needs-commands.js";
import { auditTrailCommand, pupilEraseCommand, pupilExportCommand } from "./privacy-commands.js";
import { addStaffCommand, deactivateStaffCommand, groupCommand, staffListCommand } from "./admin-commands.js";
import { archiveReply, handoverReply } from "./school-year-commands.js";
import { editRoundCommand, newRoundCommand, planCommand, remindersCommand, roundsReply } from "./round-commands.js";
import { schoolCommand } from "./school-commands.js";
import { workModeCommand } from "./work-mode-commands.js";
import { supportCommand } from "./ib-commands.js";
import { pictureCardsCommand } from "./picture-card-commands.js";

export type Audience =
  | "staff"
  | "teachers"
  | "team leaders"
  | "team leaders, directors and board admins"
  | "team leaders, IB'ers and directors"
  | "teachers and IB'ers"
  | "admins and privacy officers"
  | "IB'ers and admins"
  | "admins";

export interface CommandOutcome {
  replies: BotReply[];
  /** Set when the command changed the user's language. */
  locale?: Locale;
}

export interface CommandSpec {
  id: string;
  /** Exact phrases, Dutch and English. */
  phrases: readonly string[];
  /** Phrases followed by an argument. */
  prefixes?: readonly string[];
  who: Audience;
  run(ctx: CommandContext, input: CommandInput): Promise<CommandOutcome>;
}

const one = async (reply: BotReply | Promise<BotReply>): Promise<CommandOutcome> => ({ replies: [await reply] });
const many = async (replies: Promise<BotReply[]>): Promise<CommandOutcome> => ({ replies: await replies });

async function setLocale(ctx: CommandContext, locale: Locale): Promise<CommandOutcome> {
  await setStaffLocale(ctx.db, ctx.actor.staffId, locale);
  return { replies: [{ text: translatorFor(locale)("language.switched") }], locale };
}

export const COMMANDS = [
  { id: "help", who: "staff", phrases: ["help", "hulp", "menu", "?", "start", "hallo", "hoi", "hi", "hello"], run: (ctx) => one(helpReply(ctx)) },
  { id: "myGroup", who: "teachers", phrases: ["mijn groep", "mijn groepen", "groep", "my group", "my groups", "group"], run: (ctx) => one(myGroupReply(ctx)) },
  {
    id: "pupil",
    who: "teachers and IB'ers",
    phrases: ["leerling", "pupil", "tijdlijn", "timeline"],
    prefixes: ["leerling", "pupil", "tijdlijn", "timeline"],
    run: (ctx, input) => one(pupilReply(ctx, input)),
  },
  {
    id: "viewConversation",
    who: "teachers and IB'ers",
    phrases: ["gesprek bekijken", "gesprek lezen", "view conversation", "read conversation"],
    prefixes: ["gesprek bekijken", "gesprek lezen", "view conversation", "read conversation"],
    run: (ctx, input) => many(viewConversationCommand(ctx, input)),
  },
  {
    id: "progress",
    who: "team leaders, directors and board admins",
    phrases: ["voortgang", "progress"],
    prefixes: ["voortgang", "progress"],
    run: (ctx, input) => one(progressReply(ctx, input)),
  },
  {
    id: "ownership",
    who: "team leaders, IB'ers and directors",
    phrases: ["eigenaarschap", "ownership", "eigenaarschap team", "ownership team"],
    run: (ctx) => one(ownershipReply(ctx)),
  },
  { id: "setLocaleEn", who: "staff", phrases: ["english", "engels", "in english"], run: (ctx) => setLocale(ctx, "en") },
  { id: "setLocaleNl", who: "staff", phrases: ["nederlands", "dutch", "in het nederlands"], run: (ctx) => setLocale(ctx, "nl") },
  {
    id: "prepare",
    who: "teachers and IB'ers",
    phrases: ["voorbereiden", "voorbereiding", "gesprek voorbereiden", "prepare", "preparation"],
    prefixes: ["voorbereiden", "voorbereiding", "bereid voor", "prepare"],
    run: (ctx, input) => many(prepareCommand(ctx, input)),
  },
  {
    id: "conversation",
    who: "teachers and IB'ers",
    phrases: ["gesprek", "start gesprek", "gesprek starten", "conversation", "start conversation"],
    prefixes: [
      "start gesprek met",
      "start gesprek",
      "gesprek met",
      "gesprek",
      "start conversation with",
      "start conversation",
      "conversation with",
      "conversation",
      "start",
    ],
    run: (ctx, input) => many(conversationCommand(ctx, input)),
  },
  {
    id: "workMode",
    who: "teachers and IB'ers",
    phrases: ["werkwijze", "way of working", "work mode"],
    prefixes: ["werkwijze", "way of working", "work mode"],
    run: (ctx, input) => many(workModeCommand(ctx, input)),
  },
  {
    id: "review",
    who: "teachers and IB'ers",
    phrases: ["leerlingbespreking", "pupil review"],
    prefixes: ["leerlingbespreking", "pupil review"],
    run: (ctx, input) => many(conversationCommand(ctx, input, "leerlingbespreking")),
  },
  {
    id: "startgesprek",
    who: "teachers",
    phrases: ["startgesprek", "driehoeksgesprek", "start-of-year conversation", "three-way conversation"],
    prefixes: ["startgesprek", "driehoeksgesprek", "start-of-year conversation", "three-way conversation"],
    run: (ctx, input) => many(startgesprekCommand(ctx, input)),
  },
  {
    id: "ibAssign",
    who: "IB'ers and admins",
    phrases: ["ib toewijzen", "ib assign"],
    prefixes: ["ib toewijzen", "ib assign"],
    run: (ctx, input) => many(supportCommand(ctx, input, false)),
  },
  {
    id: "ibUnassign",
    who: "IB'ers and admins",
    phrases: ["ib intrekken", "ib unassign"],
    prefixes: ["ib intrekken", "ib unassign"],
    run: (ctx, input) => many(supportCommand(ctx, input, true)),
  },
  {
    id: "groupConversation",
    who: "teachers",
    phrases: ["groepsgesprek", "group conversation"],
    prefixes: ["groepsgesprek", "group conversation"],
    run: (ctx, input) => many(groupConversationCommand(ctx, input)),
  },
  {
    id: "note",
    who: "teachers and IB'ers",
    phrases: ["notitie", "snelle notitie", "note", "quick note"],
    prefixes: ["notitie", "note"],
    run: (ctx, input) => many(noteCommand(ctx, input)),
  },
  {
    id: "resume",
    who: "staff",
    phrases: ["verder", "hervat", "doorgaan", "resume", "continue"],
    prefixes: ["verder met", "verder", "resume", "continue"],
    run: (ctx, input) => many(resumeCommand(ctx, input)),
  },
  { id: "overview", who: "teachers", phrases: ["overzicht", "groepsoverzicht", "overview", "group overview"], run: (ctx) => one(overviewReply(ctx)) },
  { id: "handover", who: "teachers", phrases: ["overdracht", "handover"], run: (ctx) => one(handoverReply(ctx)) },
  { id: "archive", who: "teachers", phrases: ["archief", "archive"], prefixes: ["archief", "archive"], run: (ctx, input) => one(archiveReply(ctx, input)) },
  {
    id: "evaluations",
    who: "teachers and IB'ers",
    phrases: ["evaluaties", "evaluaties deze week", "evaluations", "evaluations due"],
    run: (ctx) => one(evaluationsReply(ctx)),
  },
  {
    id: "evaluate",
    who: "teachers and IB'ers",
    phrases: ["evalueer", "evalueren", "evaluate"],
    prefixes: ["evalueer", "evalueren", "evaluate"],
    run: (ctx, input) => many(evaluateCommand(ctx, input)),
  },
  {
    id: "export",
    who: "teachers and IB'ers",
    phrases: ["export", "exporteer", "kindplan"],
    prefixes: ["export", "exporteer", "kindplan"],
    run: (ctx, input) => one(exportReply(ctx, input)),
  },
  // A group's onderwijsbehoeften for the groepsplan (needs-commands.ts): the group's teachers and a content reader.
  {
    id: "needs",
    who: "teachers",
    phrases: ["onderwijsbehoeften", "onderwijsbehoefte", "groepsplan", "educational needs", "group plan"],
    prefixes: ["onderwijsbehoeften", "onderwijsbehoefte", "groepsplan", "educational needs", "group plan"],
    run: (ctx, input) => many(needsCommand(ctx, input)),
  },
  {
    id: "pictureCards",
    who: "staff",
    phrases: ["plaatjes", "plaatjes printen", "picture cards", "print picture cards"],
    prefixes: ["plaatjes", "picture cards"],
    run: (ctx, input) => one(pictureCardsCommand(ctx, input)),
  },
  {
    id: "coach",
    who: "staff",
    phrases: ["coach", "vraagcoach", "question coach"],
    prefixes: ["coach", "vraagcoach"],
    run: (ctx, input) => one(coachReply(ctx, input.text)),
  },
  {
    id: "rounds",
    who: "staff",
    phrases: ["rondes", "ronde", "gespreksrondes", "gespreksronde", "rounds", "round"],
    run: (ctx) => one(roundsReply(ctx, ctx.now())),
  },
  {
    id: "newRound",
    who: "team leaders",
    phrases: ["nieuwe ronde", "ronde maken", "ronde aanmaken", "new round", "create round"],
    run: (ctx) => many(newRoundCommand(ctx)),
  },
  {
    id: "editRound",
    who: "team leaders",
    phrases: ["ronde wijzigen", "wijzig ronde", "change round", "edit round"],
    prefixes: ["ronde wijzigen", "wijzig ronde", "change round", "edit round"],
    run: (ctx, input) => many(editRoundCommand(ctx, input, "edit")),
  },
  {
    id: "cancelRound",
    who: "team leaders",
    phrases: ["ronde annuleren", "annuleer ronde", "cancel round"],
    prefixes: ["ronde annuleren", "annuleer ronde", "cancel round"],
    run: (ctx, input) => many(editRoundCommand(ctx, input, "cancel")),
  },
  {
    id: "plan",
    who: "teachers",
    phrases: ["plannen", "inplannen", "gesprekken plannen", "plan", "plan conversations", "schedule"],
    run: (ctx) => many(planCommand(ctx)),
  },
  {
    id: "reminders",
    who: "staff",
    phrases: ["herinneringen", "meldingen", "reminders", "notifications"],
    prefixes: ["herinneringen", "reminders"],
    run: (ctx, input) => one(remindersCommand(ctx, input, ctx.now())),
  },
  {
    id: "school",
    who: "staff",
    phrases: ["school", "scholen", "mijn scholen", "schools", "my schools"],
    prefixes: ["school"],
    run: (ctx, input) => many(schoolCommand(ctx, input)),
  },
  // The school's holidays: overview and confirming the region's proposal (holiday-commands.ts).
  {
    id: "holidays",
    who: "admins",
    phrases: ["vakanties", "holidays"],
    prefixes: ["vakanties", "holidays"],
    run: (ctx, input) => many(holidaysCommand(ctx, input.text)),
  },
  // Privacy requests; a pupil is named by the administration's id (privacy-commands.ts).
  {
    id: "pupilExport",
    who: "admins and privacy officers",
    phrases: ["leerling-export", "inzage", "pupil-export", "access export"],
    prefixes: ["leerling-export", "inzage", "pupil-export", "access export"],
    run: (ctx, input) => many(pupilExportCommand(ctx, input.text)),
  },
  {
    id: "auditTrail",
    who: "admins and privacy officers",
    phrases: ["audit", "auditlog", "audit trail"],
    prefixes: ["audit", "auditlog", "audit trail"],
    run: (ctx, input) => many(auditTrailCommand(ctx, input.text)),
  },
  {
    id: "pupilErase",
    who: "admins and privacy officers",
    phrases: ["leerling-wissen", "pupil-erase"],
    prefixes: ["leerling-wissen", "pupil-erase"],
    run: (ctx, input) => many(pupilEraseCommand(ctx, input.text)),
  },
  // Staff and groups, for the school admin (admin-commands.ts). "groep" alone stays "mijn groep":
  // an exact phrase wins over a prefix.
  { id: "staffList", who: "admins", phrases: ["medewerkers", "personeel", "staff", "staff list"], run: (ctx) => many(staffListCommand(ctx)) },
  {
    id: "addStaff",
    who: "admins",
    phrases: ["medewerker toevoegen", "add staff"],
    prefixes: ["medewerker toevoegen", "add staff"],
    run: (ctx, input) => many(addStaffCommand(ctx, input.text)),
  },
  {
    id: "deactivateStaff",
    who: "admins",
    phrases: ["medewerker uitschakelen", "deactivate staff"],
    prefixes: ["medewerker uitschakelen", "deactivate staff"],
    run: (ctx, input) => many(deactivateStaffCommand(ctx, input.text)),
  },
  { id: "group", who: "admins", phrases: [], prefixes: ["groep", "group"], run: (ctx, input) => many(groupCommand(ctx, input.text)) },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]["id"];

const BY_ID: ReadonlyMap<string, CommandSpec> = new Map(COMMANDS.map((spec) => [spec.id, spec]));

export function commandById(id: string): CommandSpec | undefined {
  return BY_ID.get(id);
}

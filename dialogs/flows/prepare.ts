// The teacher's preparation: format, reason and aim, when and where, is the pupil ready,
// what to come back to, and the questions to ask — checked by the question coach.
import { formatLocalDate } from "../../bot/domain/local-time.js";
import { coachQuestion } from "../../bot/coach/index.js";
import { zonedTimeToUtc } from "../../bot/domain/local-time.js";
import { loadPupilContext, savePreparation } from "../../bot/services/conversations.js";
import { defaultFormatKey, getFormat, listFormats } from "../../bot/formats/registry.js";
import type { Answers, DialogFlow, LoadedFlow } from "../engine/flow.js";
import type { StepDefinition } from "../engine/types.js";
import { renderPupilInvitation } from "../../bot/exports/pupil-invitation.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { bool, field, num, text } from "./field.js";
import { evaluatedGoalLine, openGoalLine } from "./evaluate.js";

export const PREPARE = "prepare";

/** The planned questions, one per line, without list markers. */
export function plannedQuestions(answers: Answers): string[] {
  const raw = text(answers, "questions", "questions") ?? "";
  return raw
    .split(/\r?\n/)
    .map((q) => q.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter(Boolean);
}

export const prepareFlow: DialogFlow = {
  kind: PREPARE,

  async load(ctx, subject): Promise<LoadedFlow> {
    const pupilContext = await loadPupilContext(ctx.db, ctx.actor, subject.pupilId!);
    const { pupil, group, openGoals, lastAgreements, evaluatedSinceLast } = pupilContext;
    const formats = (await listFormats(ctx.db, ctx.actor.schoolId)).filter((f) => f.subject !== "group");
    const preferred = group ? await defaultFormatKey(ctx.db, group) : "hgw-kindgesprek";
    const name = `${pupil.firstName} ${pupil.lastName}`;
    const l = ctx.locale;
    const nl = l === "nl";
    const previousLines = [
      ...openGoals.map((g) => openGoalLine(g, l)),
      ...evaluatedSinceLast.map((g) => evaluatedGoalLine(g, l)),
      ...lastAgreements.map((a) => `${nl ? "Afspraak" : "Agreement"}: ${a.who} — ${a.what} — ${a.whenText}`),
    ];

    return {
      title: `${nl ? "Voorbereiding" : "Preparation"} — ${name}`,
      steps(answers: Answers): StepDefinition[] {

        const steps: StepDefinition[] = [
          {
            id: "format",
            title: { nl: "Welk gespreksformat?", en: "Which conversation format?" },
            intro: { nl: "Het format van jullie doorgaande lijn staat bovenaan.", en: "Your school's format for this group is listed first." },
            fields: [
              field({
                id: "format",
                kind: "singleChoice",
                label: { nl: "Format", en: "Format" },
                required: true,
                defaultValue: preferred,
                options: [...formats]
                  .sort((a, b) => (a.key === preferred ? -1 : b.key === preferred ? 1 : 0))
                  .map((f) => ({ value: f.key, label: f.name })),
              }),
            ],
          },
          {
            id: "aim",
            title: { nl: "Waarom dit gesprek?", en: "Why this conversation?" },
            tips: [
              { nl: "Houd de voorbereiding licht: de leerling is de expert over zichzelf. Te veel invullen vooraf kleurt je blik.", en: "Keep preparation light: the pupil is the expert on themselves. Filling in too much beforehand colours your view." },
            ],
            fields: [
              field({ id: "reason", kind: "longText", label: { nl: "Aanleiding", en: "Reason" }, required: true, maxLength: 1000 }),
              field({ id: "aim", kind: "longText", label: { nl: "Wat wil je met dit gesprek bereiken?", en: "What do you want this conversation to achieve?" }, required: true, maxLength: 1000 }),
              field({ id: "theme", kind: "shortText", label: { nl: "Thema (bijv. rekenen, samenwerken, welbevinden)", en: "Theme (e.g. maths, working together, wellbeing)" }, maxLength: 120 }),
            ],
          },
          {
            id: "when",
            title: { nl: "Wanneer en waar?", en: "When and where?" },
            intro: { nl: "Bijvoorbeeld tijdens zelfstandig werken, of als er een extra volwassene in de klas is.", en: "For example during independent work, or when an extra adult is in the room." },
            fields: [
              field({ id: "date", kind: "date", label: { nl: "Datum", en: "Date" }, required: true }),
              field({ id: "time", kind: "time", label: { nl: "Tijd", en: "Time" }, required: true }),
              field({ id: "place", kind: "shortText", label: { nl: "Plek", en: "Place" }, maxLength: 120, placeholder: { nl: "bijv. de leeshoek", en: "e.g. the reading corner" } }),
              field({ id: "duration", kind: "number", label: { nl: "Hoe lang (minuten)?", en: "How long (minutes)?" }, min: 3, max: 90 }),
            ],
          },
          {
            id: "ready",
            title: { nl: "Is de leerling voorbereid?", en: "Is the pupil prepared?" },
            tips: [{ nl: "Een kind dat weet waarom, waar, wanneer en hoe lang, praat vrijer.", en: "A child who knows why, where, when and how long talks more freely." }],
            fields: [
              field({ id: "knows", kind: "yesNo", label: { nl: "Weet de leerling waarom, waar, wanneer en hoe lang?", en: "Does the pupil know why, where, when and how long?" }, required: true }),
              field({
                id: "prepared",
                kind: "singleChoice",
                label: { nl: "Heeft de leerling zich voorbereid?", en: "Has the pupil prepared?" },
                required: true,
                options: [
                  { value: "form", label: { nl: "Ja, met het voorbereidingsformulier", en: "Yes, with the preparation form" } },
                  { value: "self", label: { nl: "Ja, op een eigen manier", en: "Yes, in their own way" } },
                  // "nee" is "not yet": it would otherwise match inside "Not needed".
                  { value: "not_yet", label: { nl: "Nog niet", en: "Not yet" }, aliases: ["nee", "no", "niet"] },
                  { value: "not_needed", label: { nl: "Niet nodig", en: "Not needed" } },
                ],
              }),
              field({ id: "invitation", kind: "yesNo", label: { nl: "Een uitnodiging voor de leerling maken (om te printen of door te sturen)?", en: "Make an invitation for the pupil (to print or forward)?" } }),
            ],
          },
          {
            id: "previous",
            title: { nl: "Wat komt terug van vorige keer?", en: "What comes back from last time?" },
            info: previousLines.length ? previousLines : [nl ? "Nog geen eerdere doelen of afspraken." : "No earlier goals or agreements yet."],
            skippable: true,
            fields: [
              field({ id: "followUp", kind: "longText", label: { nl: "Waar wil je op terugkomen?", en: "What do you want to come back to?" }, maxLength: 1000 }),
            ],
          },
          {
            id: "questions",
            title: { nl: "Welke vragen wil je stellen?", en: "Which questions do you want to ask?" },
            intro: { nl: "Eén vraag per regel. De vraagcoach kijkt mee.", en: "One question per line. The question coach will take a look." },
            tips: [
              { nl: "Open vragen beginnen vaak met wat, hoe, wanneer, wie of welke.", en: "Open questions often start with what, how, when, who or which." },
              { nl: "Eén vraag tegelijk; vraag door op een woord van de leerling.", en: "One question at a time; follow up on a word the pupil uses." },
            ],
            fields: [
              field({ id: "questions", kind: "longText", label: { nl: "Je vragen", en: "Your questions" }, required: true, maxLength: 3000, coach: true }),
            ],
          },
        ];
        // The coach step is always there (so the step count does not jump); it speaks once
        // there are questions to look at.
        const questions = plannedQuestions(answers);
        const feedback = questions.map((q) => ({ q, result: coachQuestion(q) })).filter((c) => c.result.flags.length > 0);
        steps.push({
          id: "coach",
          title: { nl: "De vraagcoach", en: "The question coach" },
          info: feedback.length
            ? feedback.map(({ q, result }) => `“${q}” — ${result.flags.map((f) => FLAG_TEXT[f][l]).join(", ")}. ${nl ? "Probeer" : "Try"}: “${result.suggestion}”`)
            : [nl ? "Mooi: al je vragen zijn open en enkelvoudig." : "Nice: all your questions are open and single."],
          skippable: true,
          fields: [
            field({
              id: "revised",
              kind: "longText",
              label: { nl: "Wil je vragen aanpassen? Schrijf ze hier opnieuw (leeg laten = zo houden).", en: "Want to change questions? Write them again here (leave empty to keep them)." },
              maxLength: 3000,
            }),
          ],
        });
        return steps;
      },
    };
  },

  async complete(ctx, subject, answers) {
    const pupilContext = await loadPupilContext(ctx.db, ctx.actor, subject.pupilId!);
    const formatKey = text(answers, "format", "format")!;
    const format = await getFormat(ctx.db, ctx.actor.schoolId, formatKey);
    const date = text(answers, "when", "date")!;
    const time = text(answers, "when", "time")!;
    const plannedAt = zonedTimeToUtc(date, time, ctx.actor.timezone);
    const revised = text(answers, "coach", "revised");
    const questions = revised ? revised.split(/\r?\n/).map((q) => q.trim()).filter(Boolean) : plannedQuestions(answers);
    const conversationId = await savePreparation(ctx.tx, ctx.actor, {
      pupilId: pupilContext.pupil.id,
      conversationId: subject.conversationId ?? pupilContext.pending?.id ?? null,
      formatKey: format.key,
      formatVersion: format.version,
      plannedAt,
      place: text(answers, "when", "place"),
      durationMinutes: num(answers, "when", "duration"),
      preparation: { ...answers, plannedQuestions: questions },
    });
    const nl = ctx.locale === "nl";
    const name = pupilContext.pupil.firstName;
    const lines = [
      nl ? `Voorbereiding opgeslagen: gesprek met **${name}** op ${formatLocalDate(date, "nl")} om ${time}.` : `Preparation saved: conversation with **${name}** on ${formatLocalDate(date, "en")} at ${time}.`,
      nl ? `Typ **gesprek ${name}** als jullie gaan zitten.` : `Type **conversation ${name}** when you sit down together.`,
    ];
    const attachments = [];
    if (bool(answers, "ready", "invitation") || format.pupilPreparation) {
      const invitation = renderPupilInvitation({
        pupilFirstName: pupilContext.pupil.firstName,
        aim: text(answers, "aim", "aim") ?? "",
        date,
        time,
        place: text(answers, "when", "place"),
        durationMinutes: num(answers, "when", "duration"),
        questions: format.pupilQuestions.map((q) => q[ctx.locale]),
        locale: ctx.locale,
      });
      attachments.push(...(await printableAttachments(invitation.printable, `uitnodiging-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`)));
      lines.push(nl ? "De uitnodiging voor de leerling staat hieronder; je kunt hem printen of de tekst doorsturen:" : "The invitation for the pupil is below; print it or forward the text:");
      lines.push(invitation.text);
    }
    return { text: lines.join("\n"), conversationId, attachments };
  },
};

const FLAG_TEXT = {
  closed: { nl: "gesloten (ja/nee)", en: "closed (yes/no)" },
  multiple: { nl: "meerdere vragen tegelijk", en: "several questions at once" },
  leading: { nl: "sturend of oordelend", en: "leading or judgemental" },
} as const;

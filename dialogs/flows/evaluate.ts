// Evaluating a goal on (or near) its evaluation date: reached / partly / not reached / later,
// an optional note, and how to go on. "Later" asks for a new date instead of a next step;
// "extend" asks for the new evaluation date. Storing goes through the evaluations service,
// which refuses an answer from a stale card (someone already evaluated the goal).
import { formatLocalDate } from "../../bot/domain/local-time.js";
import {
  celebrationText,
  checkNewEvaluationDate,
  loadEvaluablePupil,
  OUTCOME_LABELS,
  proposedEvaluationDate,
  recordEvaluation,
  type EvaluableGoal,
  type EvaluationOutcome,
  type NextStep,
} from "../../bot/services/evaluations.js";
import type { SchoolCalendar } from "../../bot/domain/school-calendar.js";
import type { Answers, Completion, DialogFlow, LoadedFlow } from "../engine/flow.js";
import type { FieldError, LocalizedText, StepDefinition } from "../engine/types.js";
import { bool, field, text } from "./field.js";
import { buttonFor } from "../../bot/domain/actions.js";

export const EVALUATE = "evaluate";

type Locale = "nl" | "en";


export const NEXT_STEP_LABELS: Record<NextStep, LocalizedText> = {
  new_goal: { nl: "Een nieuw doel maken", en: "Set a new goal" },
  extend: { nl: "Doorgaan met dit doel (nieuwe evaluatiedatum)", en: "Continue with this goal (new evaluation date)" },
  stop: { nl: "Dit doel afsluiten", en: "Close this goal" },
};

/** "bereikt — 'note'" for a previous evaluation, as shown before a conversation or evaluation. */
export function describeEvaluation(e: { outcome: string; note: string | null; evaluatedAt: Date }, locale: Locale): string {
  const label = OUTCOME_LABELS[e.outcome as EvaluationOutcome]?.[locale] ?? e.outcome;
  return `${label.toLowerCase()}${e.note ? ` — “${e.note}”` : ""}`;
}

/** An open goal as it comes back before a conversation: its date and its latest evaluation. */
export function openGoalLine(
  goal: { goalText: string; evaluationDate: string | null; latestEvaluation: { outcome: string; note: string | null; evaluatedAt: Date } | null },
  locale: Locale,
): string {
  const nl = locale === "nl";
  const date = goal.evaluationDate ? ` (${nl ? "evaluatie" : "evaluation"} ${formatLocalDate(goal.evaluationDate, locale)})` : "";
  const last = goal.latestEvaluation ? ` — ${nl ? "laatste evaluatie" : "latest evaluation"}: ${describeEvaluation(goal.latestEvaluation, locale)}` : "";
  return `${nl ? "Open doel" : "Open goal"}: ${goal.goalText}${date}${last}`;
}

/** A goal evaluated since the last conversation, as it comes back before the next one. */
export function evaluatedGoalLine(goal: { goalText: string; latestEvaluation: { outcome: string; note: string | null; evaluatedAt: Date } }, locale: Locale): string {
  return `${locale === "nl" ? "Geëvalueerd doel" : "Evaluated goal"}: ${goal.goalText} — ${describeEvaluation(goal.latestEvaluation, locale)}`;
}

const shortGoal = (goal: string) => (goal.length > 70 ? `${goal.slice(0, 67)}…` : goal);

function goalLines(goal: EvaluableGoal | undefined, locale: Locale): string[] {
  const nl = locale === "nl";
  if (!goal) return [nl ? "Dit doel staat niet meer open: misschien heeft een collega het al geëvalueerd." : "This goal is no longer open: a colleague may have evaluated it already."];
  const lines = [`${nl ? "Doel" : "Goal"}: ${goal.goalText}`];
  if (goal.successCriteria) lines.push(`${nl ? "Zo weten we dat het gelukt is" : "How we know it worked"}: ${goal.successCriteria}`);
  for (const a of goal.agreements) lines.push(`${nl ? "Afspraak" : "Agreement"}: ${a.who} — ${a.what} — ${a.whenText}`);
  if (goal.evaluationDate) lines.push(`${nl ? "Evaluatiedatum" : "Evaluation date"}: ${formatLocalDate(goal.evaluationDate, locale)}`);
  const last = goal.latestEvaluation;
  if (last) lines.push(`${nl ? "Vorige evaluatie" : "Previous evaluation"}: ${describeEvaluation(last, locale)}`);
  return lines;
}

function dateStep(id: "later" | "extend", calendar: SchoolCalendar, today: string): StepDefinition {
  const title: LocalizedText =
    id === "later" ? { nl: "Wanneer kijken jullie opnieuw?", en: "When will you look again?" } : { nl: "Nieuwe evaluatiedatum", en: "New evaluation date" };
  return {
    id,
    title,
    intro: { nl: "Kies een schooldag na vandaag. Op die dag vraag ik het opnieuw.", en: "Choose a school day after today. I'll ask again on that day." },
    fields: [
      field({ id: "newDate", kind: "date", label: { nl: "Evaluatiedatum", en: "Evaluation date" }, required: true, defaultValue: proposedEvaluationDate(calendar, today) }),
    ],
    validate: (values): FieldError[] => {
      if (typeof values.newDate !== "string") return [];
      const check = checkNewEvaluationDate(calendar, today, values.newDate);
      if (check === "not_future") return [{ fieldId: "newDate", message: { nl: "Kies een datum na vandaag.", en: "Choose a date after today." } }];
      if (check === "not_school_day") {
        return [{ fieldId: "newDate", message: { nl: "Dat is geen schooldag (weekend, vakantie of studiedag). Kies een andere dag.", en: "That is not a school day (weekend, holiday or study day). Choose another day." } }];
      }
      return [];
    },
  };
}

export const evaluateFlow: DialogFlow = {
  kind: EVALUATE,

  async load(ctx, subject): Promise<LoadedFlow> {
    const { pupil, goals, calendar } = await loadEvaluablePupil(ctx.db, ctx.actor, subject.pupilId!);
    const l = ctx.locale;
    const nl = l === "nl";
    return {
      title: `${nl ? "Evaluatie" : "Evaluation"} — ${pupil.firstName} ${pupil.lastName}`,
      steps(answers: Answers): StepDefinition[] {
        const token = text(answers, "goal", "goal");
        const chosen = goals.find((g) => g.token === token);
        const options = goals.map((g) => ({
          value: g.token,
          label: {
            nl: `${shortGoal(g.goalText)}${g.evaluationDate ? ` (${formatLocalDate(g.evaluationDate, "nl")})` : ""}`,
            en: `${shortGoal(g.goalText)}${g.evaluationDate ? ` (${formatLocalDate(g.evaluationDate, "en")})` : ""}`,
          },
        }));
        const steps: StepDefinition[] = [
          {
            id: "goal",
            title: { nl: "Welk doel evalueer je?", en: "Which goal are you evaluating?" },
            ...(goals.length === 0 ? { info: [nl ? "Er staan geen doelen open om te evalueren." : "There are no open goals to evaluate."] } : {}),
            fields: [field({ id: "goal", kind: "singleChoice", label: { nl: "Doel", en: "Goal" }, required: true, options })],
          },
          {
            id: "outcome",
            title: { nl: "Hoe ging het?", en: "How did it go?" },
            intro: {
              nl: `Vraag eerst ${pupil.firstName} zelf: is het gelukt? Wat zie of merk je daarvan?`,
              en: `First ask ${pupil.firstName}: did it work? What do you see or notice?`,
            },
            tips: [{ nl: "Een bereikt doel mag gevierd worden.", en: "A reached goal deserves a celebration." }],
            info: goalLines(chosen, l),
            fields: [
              field({
                id: "outcome",
                kind: "singleChoice",
                label: { nl: "Uitkomst", en: "Outcome" },
                required: true,
                options: (Object.keys(OUTCOME_LABELS) as EvaluationOutcome[]).map((value) => {
                  const { icon, ...label } = OUTCOME_LABELS[value];
                  return { value, label, icon };
                }),
              }),
              field({ id: "note", kind: "longText", label: { nl: "Notitie (mag leeg)", en: "Note (may be empty)" }, maxLength: 1000, shareable: true }),
            ],
          },
        ];
        const outcome = text(answers, "outcome", "outcome");
        if (outcome === "later") {
          steps.push(dateStep("later", calendar, ctx.today));
          return steps;
        }
        steps.push({
          id: "next",
          title: { nl: "Hoe gaan jullie verder?", en: "How do you go on?" },
          fields: [
            field({
              id: "nextStep",
              kind: "singleChoice",
              label: { nl: "Verder", en: "Next" },
              required: true,
              options: (Object.keys(NEXT_STEP_LABELS) as NextStep[]).map((value) => ({ value, label: NEXT_STEP_LABELS[value] })),
            }),
          ],
        });
        if (text(answers, "next", "nextStep") === "extend") steps.push(dateStep("extend", calendar, ctx.today));
        return steps;
      },
    };
  },

  async complete(ctx, subject, answers): Promise<Completion> {
    const nl = ctx.locale === "nl";
    const outcome = text(answers, "outcome", "outcome") as EvaluationOutcome;
    const nextStep = outcome === "later" ? null : (text(answers, "next", "nextStep") as NextStep | null);
    const note = text(answers, "outcome", "note");
    const result = await recordEvaluation(
      ctx.tx,
      ctx.actor,
      {
        token: text(answers, "goal", "goal") ?? "",
        outcome,
        note,
        shareWithParents: bool(answers, "outcome", "note__share"),
        nextStep,
        newDate: outcome === "later" ? text(answers, "later", "newDate") : nextStep === "extend" ? text(answers, "extend", "newDate") : null,
      },
      ctx.today,
      ctx.now,
    );
    if (result.kind === "stale") {
      const by = result.last?.byName;
      const what = result.last ? OUTCOME_LABELS[result.last.outcome as EvaluationOutcome]?.[ctx.locale].toLowerCase() ?? result.last.outcome : null;
      const lines = [
        nl
          ? `Dit doel is intussen al geëvalueerd${by ? ` door ${by}` : ""}${what ? ` (${what})` : ""}. Je antwoord is niet opgeslagen.`
          : `This goal has been evaluated in the meantime${by ? ` by ${by}` : ""}${what ? ` (${what})` : ""}. Your answer was not saved.`,
      ];
      // Nothing typed is lost: the note comes back to copy.
      if (note) lines.push(nl ? `Je notitie, om te bewaren: ${note}` : `Your note, to keep: ${note}`);
      return { text: lines.join("\n") };
    }
    const name = result.pupil.firstName;
    const label = OUTCOME_LABELS[outcome][ctx.locale].toLowerCase();
    const lines = [nl ? `Evaluatie opgeslagen voor het doel van **${name}**: ${label}.` : `Evaluation saved for **${name}**'s goal: ${label}.`];
    const actions: Completion["actions"] = [];
    if (outcome === "reached") {
      lines.push(nl ? `🎉 Een tekst om aan ${name} te geven:` : `🎉 Something to tell ${name}:`);
      lines.push(`“${celebrationText(name, ctx.locale, result.evaluationId)}”`);
    }
    if (result.newDate) {
      const date = formatLocalDate(result.newDate, ctx.locale);
      lines.push(outcome === "later" ? (nl ? `Ik vraag het opnieuw op ${date}.` : `I'll ask again on ${date}.`) : nl ? `Het doel loopt door; nieuwe evaluatiedatum: ${date}.` : `The goal continues; new evaluation date: ${date}.`);
    } else if (nextStep === "stop") {
      lines.push(nl ? "Het doel is afgesloten." : "The goal is closed.");
    } else if (nextStep === "new_goal") {
      lines.push(nl ? `Maak het nieuwe doel samen met ${name}, in een gesprek of als snelle notitie:` : `Set the new goal together with ${name}, in a conversation or as a quick note:`);
      actions.push(
        buttonFor(nl ? `Gesprek met ${name}` : `Conversation with ${name}`, "conversation", { pupilId: result.pupil.id }),
        buttonFor(nl ? "Snelle notitie" : "Quick note", "note", { pupilId: result.pupil.id }),
      );
    }
    lines.push(nl ? `Het staat in de tijdlijn van ${name}.` : `It is in ${name}'s timeline.`);
    return { text: lines.join("\n"), ...(actions.length ? { actions } : {}) };
  },
};

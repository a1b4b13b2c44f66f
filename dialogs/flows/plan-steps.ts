// The standard closing of a conversation: the kindplan. Goals (now I can… / later I want…),
// the pupil's own plan, help, how we will know, evaluation date and evaluator; then SMART
// agreements, each checked for who, what and when. "Another one?" adds a step.
import { checkAgreement } from "../../bot/checks/index.js";
import type { Answers } from "../engine/flow.js";
import type { FieldError, StepDefinition } from "../engine/types.js";
import { bool, field, text } from "./field.js";

export const MAX_GOALS = 5;
export const MAX_AGREEMENTS = 8;

export interface PlanOptions {
  evaluators: { id: string; name: string }[];
  today: string;
  /** A group conversation sets goals for the group: no evaluator per pupil. */
  forGroup: boolean;
  /** Suggested evaluation date (a round's interval after today), pre-filled. */
  defaultEvaluationDate?: string;
}

function goalSteps(i: number, options: PlanOptions): StepDefinition[] {
  const id = `goal${i}`;
  return [
    {
      id,
      title: { nl: `Doel ${i}`, en: `Goal ${i}` },
      intro: { nl: "Laat de leerling het doel in eigen woorden zeggen; schrijf op wat het kind zegt.", en: "Let the pupil put the goal in their own words; write down what the child says." },
      tips: [{ nl: "Niet invullen voor de leerling: wacht, vraag door, vat samen.", en: "Don't fill in for the pupil: wait, ask further, summarise." }],
      fields: [
        field({ id: "nowText", kind: "longText", label: { nl: "Nu kan/weet ik …", en: "Now I can / know …" }, maxLength: 500, skills: ["selfEvaluation"] }),
        field({ id: "goalText", kind: "longText", label: { nl: "Straks wil ik kunnen/weten …", en: "Later I want to be able to / know …" }, required: true, maxLength: 500, shareable: true }),
        field({ id: "ownPlan", kind: "longText", label: { nl: "Om daar te komen ga ik …", en: "To get there I will …" }, maxLength: 500 }),
      ],
    },
    {
      id: `${id}help`,
      title: { nl: `Doel ${i}: wie helpt?`, en: `Goal ${i}: who helps?` },
      intro: { nl: "Eerst de oplossingen van de leerling zelf, dan jouw aanvulling.", en: "The pupil's own solutions first, then your additions." },
      skippable: true,
      fields: [
        field({ id: "helpTeacher", kind: "longText", label: { nl: "Mijn juf/meester helpt me door …", en: "My teacher helps me by …" }, maxLength: 500 }),
        field({ id: "helpParents", kind: "longText", label: { nl: "Mijn ouders helpen me door …", en: "My parents help me by …" }, maxLength: 500 }),
        field({ id: "helpOther", kind: "longText", label: { nl: "Materialen of een klasgenoot die helpt …", en: "Materials or a classmate who helps …" }, maxLength: 500 }),
      ],
    },
    {
      id: `${id}check`,
      title: { nl: `Doel ${i}: hoe weten we dat het gelukt is?`, en: `Goal ${i}: how will we know it worked?` },
      fields: [
        field({ id: "successCriteria", kind: "longText", label: { nl: "Wat zien, horen of merken we als het doel bereikt is?", en: "What will we see, hear or notice when the goal is reached?" }, required: true, maxLength: 500 }),
        field({
          id: "evaluationDate",
          kind: "date",
          label: { nl: "Evaluatiedatum", en: "Evaluation date" },
          required: true,
          ...(options.defaultEvaluationDate ? { defaultValue: options.defaultEvaluationDate } : {}),
        }),
        ...(options.forGroup
          ? []
          : [
              field({
                id: "evaluator",
                kind: "singleChoice",
                label: { nl: "Wie evalueert?", en: "Who evaluates?" },
                required: true,
                options: options.evaluators.map((e) => ({ value: e.id, label: { nl: e.name, en: e.name } })),
              }),
            ]),
        field({ id: "another", kind: "yesNo", label: { nl: "Nog een doel toevoegen?", en: "Add another goal?" }, required: true }),
      ],
      validate: (values): FieldError[] =>
        typeof values.evaluationDate === "string" && values.evaluationDate <= options.today
          ? [{ fieldId: "evaluationDate", message: { nl: "Kies een datum na vandaag.", en: "Choose a date after today." } }]
          : [],
    },
  ];
}

function agreementStep(j: number): StepDefinition {
  return {
    id: `agreement${j}`,
    title: { nl: `Afspraak ${j}`, en: `Agreement ${j}` },
    intro: { nl: "Maak de afspraak SMART: wie doet wat, hoe, en wanneer.", en: "Make the agreement SMART: who does what, how, and when." },
    tips: [{ nl: "Denk win-win: wat levert de afspraak de leerling op?", en: "Think win-win: what does the pupil gain from it?" }],
    skippable: j === 1,
    fields: [
      field({ id: "who", kind: "shortText", label: { nl: "Wie?", en: "Who?" }, required: true, maxLength: 120, placeholder: { nl: "bijv. Sam en juf Anna", en: "e.g. Sam and Ms Anna" } }),
      field({ id: "what", kind: "longText", label: { nl: "Doet wat, en hoe?", en: "Does what, and how?" }, required: true, maxLength: 500, shareable: true }),
      field({ id: "when", kind: "shortText", label: { nl: "Wanneer / hoe vaak?", en: "When / how often?" }, required: true, maxLength: 120 }),
      field({ id: "another", kind: "yesNo", label: { nl: "Nog een afspraak toevoegen?", en: "Add another agreement?" }, required: true }),
    ],
    validate: (values): FieldError[] => {
      const result = checkAgreement({ who: String(values.who ?? ""), what: String(values.what ?? ""), when: String(values.when ?? "") });
      return result.issues.map((issue) => ({
        fieldId: issue.part,
        message: { nl: `${issue.message.nl} ${issue.hint.nl}`, en: `${issue.message.en} ${issue.hint.en}` },
      }));
    },
  };
}

export function planSteps(answers: Answers, options: PlanOptions): StepDefinition[] {
  const steps: StepDefinition[] = [];
  for (let i = 1; i <= MAX_GOALS; i++) {
    steps.push(...goalSteps(i, options));
    if (!bool(answers, `goal${i}check`, "another")) break;
  }
  for (let j = 1; j <= MAX_AGREEMENTS; j++) {
    steps.push(agreementStep(j));
    if (!bool(answers, `agreement${j}`, "another")) break;
  }
  return steps;
}

/** The goals recorded in the plan steps, in order. */
export function collectGoals(answers: Answers) {
  const goals = [];
  for (let i = 1; i <= MAX_GOALS; i++) {
    const goalText = text(answers, `goal${i}`, "goalText");
    if (!goalText) break;
    goals.push({
      nowText: text(answers, `goal${i}`, "nowText"),
      goalText,
      ownPlan: text(answers, `goal${i}`, "ownPlan"),
      helpTeacher: text(answers, `goal${i}help`, "helpTeacher"),
      helpParents: text(answers, `goal${i}help`, "helpParents"),
      helpOther: text(answers, `goal${i}help`, "helpOther"),
      successCriteria: text(answers, `goal${i}check`, "successCriteria"),
      evaluationDate: text(answers, `goal${i}check`, "evaluationDate"),
      evaluatorId: text(answers, `goal${i}check`, "evaluator"),
      shareWithParents: bool(answers, `goal${i}`, "goalText__share"),
    });
  }
  return goals;
}

export function collectAgreements(answers: Answers) {
  const agreements = [];
  for (let j = 1; j <= MAX_AGREEMENTS; j++) {
    const what = text(answers, `agreement${j}`, "what");
    if (!what) break;
    agreements.push({
      who: text(answers, `agreement${j}`, "who") ?? "",
      what,
      whenText: text(answers, `agreement${j}`, "when") ?? "",
      shareWithParents: bool(answers, `agreement${j}`, "what__share"),
    });
  }
  return agreements;
}

// The parents' summary of a startgesprek as a printable page (HTML and PDF, printable.ts), addressed
// to the parents: what was said about the child's own view, home and school, what the child wants
// to learn, and who does what by when. It renders what it is given (bot/services/parent-summary.ts
// selects it); headings and labels come from the catalogue by section and field, else from the format.
import { fileSlug } from "./attachment.js";
import type { ParentSummary } from "../services/parent-summary.js";
import { agreementLine } from "./kindplan-html.js";
import type { Block, BoxLine, Printable } from "./printable.js";
import { printedDate } from "./printed-date.js";
import { translatorFor } from "../i18n/translate.js";

type Locale = "nl" | "en";

const day = printedDate;

/** Answers in the child's own words, printed between quotation marks. */
const CHILD_WORDS = new Set(["kind.goesWell", "kind.hard", "kind.proudOf", "ditJaar.wantToLearn"]);

/** Headings written for the parents (all name the child); another section keeps its format title. */
const SECTION_HEADINGS = {
  welkom: "parentSummary.section.welkom",
  kind: "parentSummary.section.kind",
  thuis: "parentSummary.section.thuis",
  school: "parentSummary.section.school",
  ditJaar: "parentSummary.section.ditJaar",
} as const;

/** Labels written for the parents; another field keeps its format label. */
const FIELD_LABELS = {
  aim: "parentSummary.field.aim",
  goesWell: "parentSummary.field.goesWell",
  hard: "parentSummary.field.hard",
  proudOf: "parentSummary.field.proudOf",
  whatHelps: "parentSummary.field.whatHelps",
  wantToLearn: "parentSummary.field.wantToLearn",
} as const;

const known = <T extends object>(map: T, key: string): T[keyof T] | undefined => (Object.hasOwn(map, key) ? map[key as keyof T] : undefined);

function partBlocks(data: ParentSummary, locale: Locale): Block[] {
  const t = translatorFor(locale);
  const name = data.pupil.firstName;
  return data.parts.flatMap((part): Block[] => {
    const heading = known(SECTION_HEADINGS, part.sectionId);
    return [
      { kind: "heading", text: heading ? t(heading, { name }) : part.title[locale] },
      {
        kind: "box",
        lines: part.answers.map((a): BoxLine => {
          const label = known(FIELD_LABELS, a.fieldId);
          return {
            label: label ? t(label) : a.label[locale],
            text: a.value[locale],
            words: CHILD_WORDS.has(`${a.sectionId}.${a.fieldId}`),
          };
        }),
      },
    ];
  });
}

function goalBlocks(data: ParentSummary, locale: Locale): Block[] {
  const t = translatorFor(locale);
  if (!data.goals.length) return [];
  return [
    { kind: "heading", text: t("parentSummary.goals", { name: data.pupil.firstName }) },
    ...data.goals.map(
      (g): Block => ({
        kind: "box",
        lines: [
          ...(g.nowText ? [{ label: t("parentSummary.nowText", { name: data.pupil.firstName }), text: g.nowText }] : []),
          { text: g.goalText, words: true },
          ...(g.ownPlan ? [{ label: t("parentSummary.ownPlan", { name: data.pupil.firstName }), text: g.ownPlan }] : []),
          ...(g.helpParents ? [{ label: t("parentSummary.helpParents"), text: g.helpParents }] : []),
          ...(g.helpTeacher ? [{ label: t("parentSummary.helpTeacher"), text: g.helpTeacher }] : []),
          ...(g.helpOther ? [{ label: t("parentSummary.helpOther"), text: g.helpOther }] : []),
          ...(g.successCriteria ? [{ label: t("parentSummary.successCriteria"), text: g.successCriteria }] : []),
          ...(g.evaluationDate ? [{ label: t("parentSummary.evaluation"), text: day(g.evaluationDate, locale) }] : []),
        ],
      }),
    ),
  ];
}

export function parentSummaryPrintable(data: ParentSummary, locale: Locale): Printable {
  const t = translatorFor(locale);
  const name = data.pupil.firstName;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      muted: true,
      text: [data.pupil.groupName, data.schoolName, t("parentSummary.heldOn", { date: day(data.heldOn, locale) })].filter(Boolean).join(" · "),
    },
    { kind: "paragraph", text: t("parentSummary.intro", { name }) },
    ...partBlocks(data, locale),
    ...goalBlocks(data, locale),
  ];
  if (data.agreements.length)
    blocks.push({ kind: "heading", text: t("parentSummary.agreements") }, { kind: "list", items: data.agreements.map(agreementLine) });
  blocks.push({ kind: "paragraph", text: t("parentSummary.closing") });
  return { lang: locale, title: t("parentSummary.title", { name }), blocks };
}

/** The file name without extension: `startgesprek-<first>-<last>-<date>`, the English page with `-en`. */
export function parentSummaryFileBase(data: ParentSummary, locale: Locale): string {
  const slug = fileSlug(`${data.pupil.firstName}-${data.pupil.lastName}`);
  return `startgesprek-${slug}-${data.generatedOn}${locale === "en" ? "-en" : ""}`;
}

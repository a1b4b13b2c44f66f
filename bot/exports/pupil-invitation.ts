// The pupil's invitation and preparation form (bovenbouw, optional elsewhere): why, when,
// where, how long, and questions to think about — addressed to the child ("je"), on one page.
// The teacher's own aim and reason stay with the teacher: the child reads what the talk is about.
import { renderHtml, type Printable } from "./printable.js";
import { translatorFor } from "../i18n/translate.js";
import { fileSlug } from "./attachment.js";

export interface InvitationInput {
  pupilFirstName: string;
  /** What the talk is about, as the child may read it ("rekenen"); null: the general topic. */
  topic: string | null;
  date: string;
  time: string;
  place: string | null;
  durationMinutes: number | null;
  questions: string[];
  locale: "nl" | "en";
}

/** Up to this many questions get two lines to write on, more get one: the form stays one page. */
const ROOMY_QUESTIONS = 8;

function longDate(date: string, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** The sentences the page and the forwarded text share. */
function sentences(input: InvitationInput) {
  const t = translatorFor(input.locale);
  return {
    hello: t("invitation.hello", { name: input.pupilFirstName }),
    about: t("invitation.about", { topic: input.topic?.trim() || t("invitation.topic") }),
    facts: [
      t("invitation.when", { date: longDate(input.date, input.locale), time: input.time }),
      ...(input.place ? [t("invitation.where", { place: input.place })] : []),
      ...(input.durationMinutes ? [t("invitation.long", { count: input.durationMinutes })] : []),
    ],
  };
}

export function invitationPrintable(input: InvitationInput): Printable {
  const t = translatorFor(input.locale);
  const { hello, about, facts } = sentences(input);
  return {
    lang: input.locale,
    title: hello,
    blocks: [
      { kind: "paragraph", text: about, large: true },
      // What to bring sits with the practical facts, so the questions' lines end the page.
      { kind: "box", lines: [...facts, t("invitation.bring")].map((text) => ({ text })) },
      { kind: "paragraph", text: t("invitation.noWrong") },
      ...(input.questions.length
        ? [
            { kind: "heading", text: t("invitation.questions") } as const,
            { kind: "paragraph", text: t("invitation.think"), muted: true } as const,
            ...input.questions.map((q) => ({ kind: "writeLines", label: q, count: input.questions.length > ROOMY_QUESTIONS ? 1 : 2 }) as const),
          ]
        : []),
    ],
  };
}

export function renderPupilInvitation(input: InvitationInput): { html: string; text: string; printable: Printable } {
  const t = translatorFor(input.locale);
  const printable = invitationPrintable(input);
  const { hello, about, facts } = sentences(input);
  const text = [
    hello,
    about,
    ...facts,
    t("invitation.noWrong"),
    ...(input.questions.length ? [t("invitation.think"), ...input.questions.map((q, i) => `${i + 1}. ${q}`)] : []),
  ].join("\n");
  return { html: renderHtml(printable), text, printable };
}

/**
 * The invitation's file name without extension: the pupil's full name and the conversation's date,
 * so two pupils with the same first name (or two conversations) never overwrite each other; the
 * English one ends in "-en", as the kindplan's does.
 */
export function invitationFileBase(pupil: { firstName: string; lastName: string }, date: string, locale: "nl" | "en"): string {
  return `uitnodiging-${fileSlug(`${pupil.firstName}-${pupil.lastName}`)}-${date}${locale === "en" ? "-en" : ""}`;
}

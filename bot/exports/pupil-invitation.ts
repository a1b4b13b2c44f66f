// The pupil's invitation and preparation form (bovenbouw, optional elsewhere): why, when,
// where, how long, and questions to think about — in words a child understands.
import { renderHtml, type Printable } from "./printable.js";
import { translatorFor } from "../i18n/translate.js";

export interface InvitationInput {
  pupilFirstName: string;
  aim: string;
  date: string;
  time: string;
  place: string | null;
  durationMinutes: number | null;
  questions: string[];
  locale: "nl" | "en";
}

function longDate(date: string, locale: "nl" | "en"): string {
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

export function invitationPrintable(input: InvitationInput): Printable {
  const t = translatorFor(input.locale);
  const facts = [
    t("invitation.when", { date: longDate(input.date, input.locale), time: input.time }),
    ...(input.place ? [t("invitation.where", { place: input.place })] : []),
    ...(input.durationMinutes ? [t("invitation.long", { minutes: input.durationMinutes })] : []),
  ];
  return {
    lang: input.locale,
    title: t("invitation.hello", { name: input.pupilFirstName }),
    blocks: [
      { kind: "paragraph", text: t("invitation.about"), large: true },
      { kind: "box", lines: [{ text: input.aim }] },
      { kind: "list", items: facts },
      { kind: "paragraph", text: t("invitation.noWrong") },
      ...(input.questions.length
        ? [{ kind: "heading", text: t("invitation.think") } as const, ...input.questions.map((q) => ({ kind: "writeLines", label: q, count: 2 }) as const)]
        : []),
      { kind: "paragraph", text: t("invitation.bring"), muted: true },
    ],
  };
}

export function renderPupilInvitation(input: InvitationInput): { html: string; text: string; printable: Printable } {
  const t = translatorFor(input.locale);
  const printable = invitationPrintable(input);
  const text = [
    t("invitation.hello", { name: input.pupilFirstName }),
    `${t("invitation.about")} ${input.aim}`,
    ...(printable.blocks.find((b) => b.kind === "list") as { items: string[] }).items,
    t("invitation.noWrong"),
    ...(input.questions.length ? [t("invitation.think"), ...input.questions.map((q, i) => `${i + 1}. ${q}`)] : []),
  ].join("\n");
  return { html: renderHtml(printable), text, printable };
}

// Picture cards to print and cut out: the faces and picture themes a format lets the child choose
// from, drawn large (the drawings of pictures.ts) with the label under each, six to an A4 page.
// The conversation step says "lay out the pictures"; these are the pictures. Nothing about a
// pupil is on them, so any teacher may print them.
import type { ConversationFormat } from "../formats/schema.js";
import { translatorFor } from "../i18n/translate.js";
import { pictureFor } from "./pictures.js";

export interface PictureCard {
  icon: string;
  label: string;
}

/** The format the cards are printed for when the teacher names none: the onderbouw's faces and themes. */
export const DEFAULT_PICTURE_CARD_FORMAT = "onderbouw-welbevinden";

/**
 * The cards of a format: every option of a choice field whose options are all drawn (a face
 * scale, the picture themes), in the format's order, each icon once. A field with an undrawn
 * option is left out whole: a set with a gap in it is no set to lay down.
 */
export function pictureCardsOf(format: ConversationFormat, locale: "nl" | "en"): PictureCard[] {
  const cards: PictureCard[] = [];
  for (const field of format.phases.flatMap((p) => p.sections).flatMap((s) => s.fields)) {
    if (!pictured(field)) continue;
    for (const option of field.options ?? []) {
      if (!cards.some((c) => c.icon === option.icon)) cards.push({ icon: option.icon!, label: option.label[locale] });
    }
  }
  return cards;
}

type Field = ConversationFormat["phases"][number]["sections"][number]["fields"][number];

/** A choice field the child answers by pointing at a picture: every option has a drawing. */
export function pictured(field: Field): boolean {
  const options = field.options ?? [];
  return (field.kind === "singleChoice" || field.kind === "multiChoice") && options.length > 0 && options.every((o) => pictureFor(o.icon) !== null);
}

export function hasPictureCards(format: ConversationFormat): boolean {
  return format.phases.some((p) => p.sections.some((s) => s.fields.some(pictured)));
}

/** The PDF's file name: the format's key, and "-en" for the English cards so neither overwrites the other. */
export function pictureCardsFilename(format: ConversationFormat, locale: "nl" | "en"): string {
  const t = translatorFor(locale);
  return `${t("pictureCards.filename")}-${format.key}${locale === "en" ? "-en" : ""}.pdf`;
}

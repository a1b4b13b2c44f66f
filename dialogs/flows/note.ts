// A quick note of a spontaneous conversation (the onderbouw practice: "now or it is gone").
import { requirePupilAccess } from "../../bot/auth/access.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { pupilFullName, pupilNamesById } from "../../bot/services/pupil-search.js";
import type { DialogFlow } from "../engine/flow.js";
import { field, text } from "./field.js";
import { shareChosen } from "../../bot/formats/share.js";
import { localized, translate } from "../../bot/i18n/translate.js";

export const NOTE = "note";

export const noteFlow: DialogFlow = {
  kind: NOTE,
  async load(ctx, subject) {
    await requirePupilAccess(ctx.db, ctx.actor, subject.pupilId!, "write");
    const pupil = (await pupilNamesById(ctx.db, [subject.pupilId!])).get(subject.pupilId!)!;
    return {
      title: translate(ctx.locale, "note.title", { name: `${pupil.firstName} ${pupil.lastName}` }),
      steps: () => [
        {
          id: "note",
          title: localized("note.note.title"),
          tips: [localized("note.note.tip")],
          fields: [
            // Shared with parents or not through the one share question, after the note and the goal in it.
            field({ id: "text", kind: "longText", label: localized("dialog.note"), required: true, shareable: true }),
            field({ id: "goal", kind: "shortText", label: localized("note.note.goal.label"), explains: "text" }),
          ],
        },
      ],
    };
  },
  async complete(ctx, subject, answers) {
    const goal = text(answers, "note", "goal");
    await addNote(ctx.tx, ctx.actor, {
      pupilId: subject.pupilId!,
      text: text(answers, "note", "text")!,
      ...(goal ? { goalText: goal } : {}),
      shareWithParents: shareChosen(answers.note ?? {}, "text"),
    });
    return { text: translate(ctx.locale, "note.saved", { name: await pupilFullName(ctx.tx, subject.pupilId!) }) };
  },
};

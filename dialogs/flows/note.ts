// A quick note of a spontaneous conversation (the onderbouw practice: "now or it is gone").
import { requirePupilAccess } from "../../bot/auth/access.js";
import { addNote } from "../../bot/services/pupil-records.js";
import { pupilNamesById } from "../../bot/services/pupil-search.js";
import type { DialogFlow } from "../engine/flow.js";
import { bool, field, text } from "./field.js";

export const NOTE = "note";

export const noteFlow: DialogFlow = {
  kind: NOTE,
  async load(ctx, subject) {
    await requirePupilAccess(ctx.db, ctx.actor, subject.pupilId!, "write");
    const pupil = (await pupilNamesById(ctx.db, [subject.pupilId!])).get(subject.pupilId!)!;
    return {
      title: `${ctx.locale === "nl" ? "Notitie" : "Note"} — ${pupil.firstName}`,
      steps: () => [
        {
          id: "note",
          title: { nl: "Wat gebeurde er?", en: "What happened?" },
          tips: [{ nl: "Schrijf op wat het kind zei, in zijn of haar woorden.", en: "Write down what the child said, in their own words." }],
          fields: [
            field({ id: "text", kind: "longText", label: { nl: "Notitie", en: "Note" }, required: true, maxLength: 2000 }),
            field({ id: "goal", kind: "shortText", label: { nl: "Een doel dat het kind noemde (mag leeg)", en: "A goal the child mentioned (may be empty)" }, maxLength: 500 }),
            field({ id: "share", kind: "yesNo", label: { nl: "Mag dit met ouders gedeeld worden?", en: "May this be shared with parents?" } }),
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
      shareWithParents: bool(answers, "note", "share"),
    });
    return { text: ctx.locale === "nl" ? "Notitie opgeslagen." : "Note saved." };
  },
};

// A quick note of a spontaneous conversation (the onderbouw practice: "now or it is gone").
import { requirePupilAccess } from "../../bot/auth/access.js";
import { recordAudit } from "../../bot/audit.js";
import type { DialogFlow } from "../engine/flow.js";
import { bool, field, text } from "./field.js";
import { localized, translate } from "../../bot/i18n/translate.js";

export const NOTE = "note";

export const noteFlow: DialogFlow = {
  kind: NOTE,
  async load(ctx, subject) {
    await requirePupilAccess(ctx.db, ctx.actor, subject.pupilId!, "write");
    const pupil = await ctx.db.pupil.findUniqueOrThrow({ where: { id: subject.pupilId! }, select: { firstName: true } });
    return {
      title: translate(ctx.locale, "note.title", { name: pupil.firstName }),
      steps: () => [
        {
          id: "note",
          title: localized("note.note.title"),
          tips: [localized("note.note.tip")],
          fields: [
            field({ id: "text", kind: "longText", label: localized("dialog.note"), required: true, maxLength: 2000 }),
            field({ id: "goal", kind: "shortText", label: localized("note.note.goal.label"), maxLength: 500 }),
            field({ id: "share", kind: "yesNo", label: localized("note.note.share.label") }),
          ],
        },
      ],
    };
  },
  async complete(ctx, subject, answers) {
    const note = await ctx.tx.note.create({
      data: {
        pupilId: subject.pupilId!,
        authorId: ctx.actor.staffId,
        text: text(answers, "note", "text")!,
        goalText: text(answers, "note", "goal"),
        shareWithParents: bool(answers, "note", "share"),
      },
    });
    await recordAudit(ctx.tx, { schoolId: ctx.actor.schoolId, actorStaffId: ctx.actor.staffId, action: "create", entity: "note", entityId: note.id, pupilId: subject.pupilId });
    return { text: translate(ctx.locale, "note.saved") };
  },
};

// Opening a preparation or a conversation shows the pupil's earlier goals, agreements and
// evaluations: that is a read of the pupil's records, recorded once when the dialog opens (not on
// every dialog turn, which re-reads the same context).
import type { Db } from "../db/client.js";
import type { Actor } from "../auth/actor.js";
import { recordAudit } from "../audit.js";
import type { PupilContext } from "./conversations.js";

export async function recordEarlierRecordsShown(db: Db, actor: Actor, context: PupilContext, dialog: "prepare" | "conversation"): Promise<void> {
  const shows = context.openGoals.length + context.evaluatedSinceLast.length + context.lastAgreements.length > 0;
  if (!shows) return;
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorStaffId: actor.staffId,
    action: "read",
    entity: `${dialog}_earlier_records`,
    entityId: context.pupil.id,
    pupilId: context.pupil.id,
  });
}

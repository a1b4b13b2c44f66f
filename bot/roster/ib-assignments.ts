// Which pupils an IB'er supports (PupilSupport), changed in the chat: an IB'er takes a pupil on
// herself, the school admin assigns any IB'er. The rule is canAssignSupport (bot/auth/policy.ts);
// every change and every refusal is audited with ids only. The school setup file's ibAssignments
// stay the operator's tool: applied again, it sets each IB'er it lists to exactly the file's pupils.
import type { Actor } from "../auth/actor.js";
import { canAssignSupport } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import type { Db } from "../db/client.js";
import { inTransaction } from "../db/transaction.js";
import { findSchoolPupils, type PupilMatch } from "../services/pupil-search.js";
import { checkEmail } from "./staff-admin.js";

export type SupportProblem =
  | { problem: "notAllowed" }
  | { problem: "unknownStaff"; email: string }
  | { problem: "notIb"; name: string }
  | { problem: "noPupil" }
  | { problem: "choosePupil"; pupils: PupilMatch[]; ibStaffId: string };

export interface SupportRequest {
  /** Typed (part of) the pupil's name, or the id from a choice button. */
  pupil: { name: string } | { id: string };
  /** The IB'er by e-mail (typed) or id (button); neither: the actor herself. */
  ib: { email: string } | { id: string } | null;
  remove: boolean;
}

export type SupportResult =
  | SupportProblem
  | { outcome: "assigned" | "alreadyAssigned" | "removed" | "notAssigned"; pupil: PupilMatch; ib: { id: string; name: string } };

async function refuse(db: Db, actor: Actor): Promise<SupportProblem> {
  await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: "pupil_support" });
  return { problem: "notAllowed" };
}

async function findIb(db: Db, actor: Actor, ib: SupportRequest["ib"]) {
  const select = { id: true, displayName: true, active: true, roles: { select: { role: true } } } as const;
  if (ib === null) return db.staff.findUnique({ where: { id: actor.staffId }, select });
  if ("id" in ib) return db.staff.findFirst({ where: { id: ib.id, schoolId: actor.schoolId }, select });
  const email = checkEmail(ib.email);
  return email ? db.staff.findUnique({ where: { schoolId_email: { schoolId: actor.schoolId, email } }, select }) : null;
}

async function findPupil(db: Db, actor: Actor, pupil: SupportRequest["pupil"]): Promise<PupilMatch[]> {
  if ("name" in pupil) return findSchoolPupils(db, actor.schoolId, pupil.name);
  const row = await db.pupil.findFirst({
    where: { id: pupil.id, schoolId: actor.schoolId, active: true },
    select: { id: true, firstName: true, lastName: true, group: { select: { name: true } } },
  });
  return row ? [{ id: row.id, firstName: row.firstName, lastName: row.lastName, groupName: row.group?.name ?? null }] : [];
}

/** Assigns a pupil to an IB'er, or ends it; nothing changes when the request is refused. */
export async function changeSupport(db: Db, actor: Actor, request: SupportRequest): Promise<SupportResult> {
  // The right comes first: someone who may assign nobody learns nothing about staff or pupils.
  if (!actor.roles.has("admin") && !actor.roles.has("ib")) return refuse(db, actor);
  const ib = await findIb(db, actor, request.ib);
  if (!ib) return request.ib && "email" in request.ib ? { problem: "unknownStaff", email: request.ib.email } : refuse(db, actor);
  if (!canAssignSupport(actor, actor.schoolId, ib.id)) return refuse(db, actor);
  if (!ib.active || !ib.roles.some((r) => r.role === "ib")) return { problem: "notIb", name: ib.displayName };
  const pupils = await findPupil(db, actor, request.pupil);
  if (pupils.length === 0) return { problem: "noPupil" };
  if (pupils.length > 1) return { problem: "choosePupil", pupils, ibStaffId: ib.id };
  const pupil = pupils[0]!;
  const who = { id: ib.id, name: ib.displayName };
  return inTransaction(db, async (tx) => {
    const existing = await tx.pupilSupport.findUnique({ where: { pupilId_staffId: { pupilId: pupil.id, staffId: ib.id } }, select: { id: true } });
    if (request.remove) {
      if (!existing) return { outcome: "notAssigned" as const, pupil, ib: who };
      await tx.pupilSupport.delete({ where: { id: existing.id } });
    } else {
      if (existing) return { outcome: "alreadyAssigned" as const, pupil, ib: who };
      const created = await tx.pupilSupport.create({ data: { pupilId: pupil.id, staffId: ib.id }, select: { id: true } });
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorStaffId: actor.staffId,
        action: "create",
        entity: "pupil_support",
        entityId: created.id,
        pupilId: pupil.id,
      });
      return { outcome: "assigned" as const, pupil, ib: who };
    }
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorStaffId: actor.staffId,
      action: "delete",
      entity: "pupil_support",
      entityId: existing.id,
      pupilId: pupil.id,
    });
    return { outcome: "removed" as const, pupil, ib: who };
  });
}

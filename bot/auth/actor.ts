// Who is acting, with everything the policy needs, loaded once per turn.
import type { Db } from "../db/client.js";
import { Bouw, Locale, Role } from "../domain/vocabulary.js";
import { UnknownUserError } from "../errors.js";

export interface Actor {
  kind: "staff";
  staffId: string;
  schoolId: string;
  locale: Locale;
  /** The school's IANA timezone: "today" and wall-clock times are the school's. */
  timezone: string;
  roles: ReadonlySet<Role>;
  /** Bouwen this person leads as team leader. */
  leads: ReadonlySet<Bouw>;
  /** Groups this person teaches (duo-partners share a group). */
  groupIds: ReadonlySet<string>;
  /** Pupils assigned to this person as IB'er. */
  supportedPupilIds: ReadonlySet<string>;
}

/** The school's own processes (roster import from the server's CLI, the scheduler). */
export interface SystemActor {
  kind: "system";
  schoolId: string;
  purpose: string;
}

export async function loadActor(db: Db, staffId: string): Promise<Actor> {
  const staff = await db.staff.findUnique({
    where: { id: staffId },
    include: {
      roles: true,
      groups: { select: { groupId: true } },
      supports: { select: { pupilId: true } },
      school: { select: { locale: true, timezone: true } },
    },
  });
  if (!staff || !staff.active) throw new UnknownUserError();
  const roles = new Set(staff.roles.map((r) => Role.parse(r.role)));
  const leads = new Set(
    staff.roles.filter((r) => r.role === "team_leader" && r.bouw).map((r) => Bouw.parse(r.bouw)),
  );
  return {
    kind: "staff",
    staffId: staff.id,
    schoolId: staff.schoolId,
    locale: Locale.catch("nl").parse(staff.locale ?? staff.school.locale),
    timezone: staff.school.timezone,
    roles,
    leads,
    groupIds: new Set(staff.groups.map((g) => g.groupId)),
    supportedPupilIds: new Set(staff.supports.map((s) => s.pupilId)),
  };
}

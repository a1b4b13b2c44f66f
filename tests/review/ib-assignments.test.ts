// Assigning pupils to an IB'er in the chat (ib toewijzen / ib intrekken), through the real turn
// handler: the IB'er takes a pupil on herself, the school admin assigns any IB'er; a teacher and a
// team leader are refused and nothing changes. Every change and refusal is audited with ids only,
// and the assignment takes effect at once: the IB'er may read the pupil's records next turn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCore } from "../../app/core.js";
import { loadActor } from "../../bot/auth/actor.js";
import { canAssignSupport } from "../../bot/auth/policy.js";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import { createLogger } from "../../bot/logger.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";

let t: TestDatabase;
let core: BotCore;

beforeAll(async () => {
  t = await createTestDatabase();
  core = createCore({ db: t.db, logger: createLogger("silent"), defaultLocale: "nl", clock: () => new Date() });
});
afterAll(async () => t?.destroy());

const user = (email: string) => ({ channel: "local" as const, externalId: email, email });
async function say(
  email: string,
  text: string,
): Promise<{ text: string; actions: { label: string; action: { command: string; args?: Record<string, string> } }[] }> {
  const { replies } = await core.handleTurn({ user: user(email), text });
  return { text: replies.map((r) => r.text).join("\n"), actions: replies.flatMap((r) => (r.actions ?? []) as never[]) };
}

let n = 0;
async function world() {
  const k = ++n;
  const school = await makeSchool(t.db, `Toewijsschool ${k}`);
  const g5 = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const g6 = await makeGroup(t.db, school.id, "groep 6", "bovenbouw");
  const noor = await makePupil(t.db, school.id, g5.id, "Noor");
  const sam5 = await makePupil(t.db, school.id, g5.id, "Sam");
  const sam6 = await makePupil(t.db, school.id, g6.id, "Sam");
  await t.db.note.create({ data: { pupilId: noor.id, authorId: (await makeStaff(t.db, school.id, { groups: [g5.id] })).id, text: "GEHEIM-NOTITIE-NOOR" } });
  const ib = await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], email: `ib${k}@toewijs.example` });
  const ib2 = await makeStaff(t.db, school.id, { roles: [{ role: "ib" }], email: `ib2-${k}@toewijs.example` });
  const admin = await makeStaff(t.db, school.id, { roles: [{ role: "admin" }], email: `admin${k}@toewijs.example` });
  const juf = await makeStaff(t.db, school.id, { groups: [g6.id], email: `juf${k}@toewijs.example` });
  const tl = await makeStaff(t.db, school.id, { roles: [{ role: "team_leader", bouw: "middenbouw" }], email: `tl${k}@toewijs.example` });
  return { school, noor, sam5, sam6, ib, ib2, admin, juf, tl };
}

const supportOf = (staffId: string) => t.db.pupilSupport.findMany({ where: { staffId }, select: { pupilId: true } }).then((r) => r.map((x) => x.pupilId));
const auditOf = (schoolId: string) =>
  t.db.auditEvent.findMany({
    where: { schoolId, entity: "pupil_support" },
    select: { action: true, actorStaffId: true, pupilId: true },
    orderBy: { at: "asc" },
  });

describe(`assigning pupils to an IB'er in the chat (${testProvider()})`, () => {
  it("lets the IB'er take a pupil on herself, who is then hers to read; audited with ids only", async () => {
    const w = await world();
    expect((await say(w.ib.email, "gesprek bekijken Noor")).text).not.toContain("GEHEIM");
    expect((await say(w.ib.email, "ib toewijzen Noor")).text).toContain("**Noor T.** is toegewezen aan");
    expect(await supportOf(w.ib.id)).toEqual([w.noor.id]);
    expect((await say(w.ib.email, "leerling Noor")).text).toContain("GEHEIM-NOTITIE-NOOR");
    expect((await say(w.ib.email, "ib toewijzen Noor")).text).toContain("was al toegewezen");
    expect(await auditOf(w.school.id)).toEqual([{ action: "create", actorStaffId: w.ib.id, pupilId: w.noor.id }]);
    expect((await say(w.ib.email, "ib intrekken Noor")).text).toContain("niet meer toegewezen");
    expect(await supportOf(w.ib.id)).toEqual([]);
    expect((await auditOf(w.school.id)).map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("lets the school admin assign any IB'er by e-mail, and refuses someone who is not an IB'er", async () => {
    const w = await world();
    expect((await say(w.admin.email, `ib toewijzen Noor aan ${w.ib2.email}`)).text).toContain("is toegewezen aan");
    expect(await supportOf(w.ib2.id)).toEqual([w.noor.id]);
    expect((await say(w.admin.email, `ib toewijzen Noor aan ${w.juf.email}`)).text).toContain("is geen IB'er");
    expect((await say(w.admin.email, "ib toewijzen Noor aan nobody@toewijs.example")).text).toContain("Ik ken geen medewerker");
    expect(await t.db.pupilSupport.count({ where: { pupil: { schoolId: w.school.id } } })).toBe(1);
  });

  it("refuses a teacher, a team leader and an IB'er assigning another IB'er; nothing changes and the refusal is audited", async () => {
    const w = await world();
    for (const [who, text] of [
      [w.juf, "ib toewijzen Noor"],
      [w.tl, "ib toewijzen Noor"],
      [w.juf, `ib toewijzen Noor aan ${w.ib.email}`],
      [w.ib2, `ib toewijzen Noor aan ${w.ib.email}`],
      [w.tl, "ib intrekken Noor"],
    ] as const) {
      const reply = await say(who.email, text);
      expect(reply.text, text).toContain("doet de IB'er zelf of de beheerder");
      expect(reply.text).not.toContain("Noor T.");
    }
    expect(await t.db.pupilSupport.count({ where: { pupil: { schoolId: w.school.id } } })).toBe(0);
    const audit = await auditOf(w.school.id);
    expect(audit.map((a) => a.action)).toEqual(["refused", "refused", "refused", "refused", "refused"]);
    expect(audit.every((a) => a.pupilId === null)).toBe(true);
    // The rule itself, pure.
    const ib = await loadActor(t.db, w.ib.id);
    expect([canAssignSupport(ib, w.school.id, w.ib.id), canAssignSupport(ib, w.school.id, w.ib2.id), canAssignSupport(ib, "other-school", w.ib.id)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("asks which pupil when a name matches several, and assigns the one pressed", async () => {
    const w = await world();
    const choice = await say(w.ib.email, "ib toewijzen Sam");
    expect(choice.actions.map((a) => a.label)).toEqual(["Sam T. (groep 5)", "Sam T. (groep 6)"]);
    expect(await supportOf(w.ib.id)).toEqual([]);
    const pressed = choice.actions[1]!.action;
    const { replies } = await core.handleTurn({ user: user(w.ib.email), text: "", action: { command: pressed.command, args: pressed.args ?? {} } });
    expect(replies[0]!.text).toContain("is toegewezen aan");
    expect(await supportOf(w.ib.id)).toEqual([w.sam6.id]);
    // A forged button for another IB'er is refused like typing it.
    const forged = await core.handleTurn({
      user: user(w.ib.email),
      text: "",
      action: { command: "ibAssign", args: { pupilId: w.sam5.id, ibStaffId: w.ib2.id } },
    });
    expect(forged.replies[0]!.text).toContain("doet de IB'er zelf of de beheerder");
    expect(await supportOf(w.ib2.id)).toEqual([]);
  });

  it("shows the command in help to IB'ers and admins only", async () => {
    const w = await world();
    expect((await say(w.ib.email, "help")).text).toContain("ib toewijzen");
    expect((await say(w.admin.email, "help")).text).toContain("ib toewijzen");
    expect((await say(w.juf.email, "help")).text).not.toContain("ib toewijzen");
  });
});

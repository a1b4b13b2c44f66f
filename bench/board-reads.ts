// The interactive reads of one school, timed in process through the real core (no HTTP): what a
// teacher and a team leader ask most. Used by `npm run bench:board` at every board size, always on
// the board's first school, so the figures compare the same reads as the board grows.
import pino from "pino";
import type { Db } from "../bot/db/client.js";
import { createCore } from "../app/core.js";

/** Per read: the samples' times in ms. */
export type ReadSamples = Map<string, number[]>;

/** groep 5's teacher and the middenbouw team leader of the school (the demo school's shape). */
async function people(db: Db, schoolId: string) {
  const group = await db.group.findFirstOrThrow({ where: { schoolId, name: "groep 5" }, include: { teachers: { include: { staff: true } } } });
  const leader = await db.staff.findFirstOrThrow({ where: { schoolId, roles: { some: { role: "team_leader", bouw: "middenbouw" } } } });
  const pupils = await db.pupil.findMany({ where: { groupId: group.id, active: true }, orderBy: { externalId: "asc" } });
  return { teacherEmail: group.teachers[0]!.staff.email, leaderEmail: leader.email, pupils: pupils.map((p) => `${p.firstName} ${p.lastName}`) };
}

/** Times each read `samples` times (after three rounds to warm up) and adds them to `into`. */
export async function measureReads(db: Db, schoolId: string, samples: number, into: ReadSamples): Promise<void> {
  const core = createCore({ db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
  const { teacherEmail, leaderEmail, pupils } = await people(db, schoolId);
  const as = (email: string) => {
    const user = { channel: "local" as const, externalId: email, email };
    return async (text: string) => (await core.handleTurn({ user, text })).replies;
  };
  const teacher = as(teacherEmail);
  const leader = as(leaderEmail);
  await teacher("help"); // first contact links the identity: not a read
  await leader("help");

  const timed = async <T>(name: string, act: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await act();
    if (name.startsWith("warm-up")) return result;
    into.set(name, [...(into.get(name) ?? []), performance.now() - started]);
    return result;
  };
  // Three rounds to warm up (caches, JIT), then the samples.
  for (let i = 0; i < samples + 3; i++) {
    const pupil = pupils[i % pupils.length]!;
    const name = (read: string) => (i < 3 ? `warm-up ${read}` : read);
    await timed(name("overzicht"), () => teacher("overzicht"));
    await timed(name("leerling"), () => teacher(`leerling ${pupil}`));
    await timed(name("rondes"), () => leader("rondes"));
    await timed(name("plannen"), () => teacher("plannen"));
    await teacher("stop");
    await teacher("ja");
    // A dialog turn: the opening of a conversation (it reads the pupil's record), then an answer.
    await timed(name("gesprek (start)"), () => teacher(`gesprek ${pupil}`));
    await timed(name("dialog turn"), () => teacher("Het ging goed met lezen deze weken"));
    await teacher("stop");
    await teacher("ja");
  }
}

// The people and pupils of one run, fresh for every generated sequence so runs do not meet: a
// teacher of three groups (onderbouw, middenbouw, bovenbouw), a colleague who must not touch the
// teacher's dialogs, and pupils made on demand (one per dialog, so no two open dialogs share one).
import { loadActor, type Actor } from "../../../bot/auth/actor.js";
import type { ChannelUser } from "../../../bot/channel/types.js";
import type { Db } from "../../../bot/db/client.js";
import { localDate } from "../../../bot/domain/local-time.js";
import { FLOWS } from "../../../dialogs/flows/index.js";
import type { Answers, LoadedFlow, SessionSubject } from "../../../dialogs/engine/flow.js";
import { makeGroup, makePupil, makeStaff } from "../../support/fixtures.js";

export type Bouw = "onderbouw" | "middenbouw" | "bovenbouw";
export const BOUWEN: readonly Bouw[] = ["onderbouw", "middenbouw", "bovenbouw"];

export interface PupilRef {
  label: string;
  id: string;
  bouw: Bouw;
  /** A conversation dialog was started for this pupil. */
  conversed?: boolean;
  /** A goal made for an evaluation, with its token as the evaluation dialog stores it. */
  goalId?: string;
}

export interface RunWorld {
  db: Db;
  now: Date;
  today: string;
  actor: Actor;
  teacher: ChannelUser;
  colleague: ChannelUser;
  groups: Record<Bouw, string>;
  pupils: PupilRef[];
}

let runs = 0;

export async function createRunWorld(db: Db, schoolId: string, now: Date): Promise<RunWorld> {
  const run = ++runs;
  const groups = {} as Record<Bouw, string>;
  for (const bouw of BOUWEN) groups[bouw] = (await makeGroup(db, schoolId, `groep ${bouw} ${run}`, bouw)).id;
  const staff = await makeStaff(db, schoolId, { groups: Object.values(groups), email: `model.${run}.${process.pid}@test.example` });
  const other = await makeStaff(db, schoolId, { groups: Object.values(groups), email: `collega.${run}.${process.pid}@test.example` });
  const actor = await loadActor(db, staff.id);
  const user = (email: string): ChannelUser => ({ channel: "local", externalId: email, email });
  return {
    db,
    now,
    today: localDate(now, actor.timezone),
    actor,
    teacher: user(staff.email),
    colleague: user(other.email),
    groups,
    pupils: [],
  };
}

export async function addPupil(world: RunWorld, bouw: Bouw): Promise<PupilRef> {
  const pupil = await makePupil(world.db, world.actor.schoolId, world.groups[bouw]);
  const ref: PupilRef = { label: `p${world.pupils.length + 1}`, id: pupil.id, bouw };
  world.pupils.push(ref);
  return ref;
}

/** An open goal due today, as a held conversation would have left it, to evaluate. */
export async function addGoal(world: RunWorld, pupil: PupilRef): Promise<string> {
  const goal = await world.db.goal.create({
    data: {
      pupilId: pupil.id,
      goalText: "Een doel om te evalueren",
      evaluationDate: world.today,
      evaluatorId: world.actor.staffId,
      createdById: world.actor.staffId,
    },
  });
  pupil.goalId = goal.id;
  return goal.id;
}

/** The flow's steps for the model, loaded once when the dialog starts (its pupil is not shared). */
export async function loadSteps(world: RunWorld, kind: string, subject: SessionSubject): Promise<LoadedFlow["steps"]> {
  const flow = FLOWS[kind as keyof typeof FLOWS];
  const ctx = { db: world.db, actor: world.actor, locale: world.actor.locale, now: world.now, today: world.today };
  const loaded = await flow.load(ctx, subject);
  return (answers: Answers) => loaded.steps(answers);
}

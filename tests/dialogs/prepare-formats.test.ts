// `voorbereiden` prepares a kindgesprek: its format question offers the formats about a pupil with
// the pupil there, not the groepsgesprek or the leerlingbespreking (they have commands of their
// own; a leerlingbespreking prepared here made an invitation for the pupil and then skipped the
// meeting's own first phase). And the middenbouw format asks once who set the goal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { getFormat } from "../../bot/formats/registry.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { oneClass } from "../support/one-class.js";
import { autoValues } from "../support/dialog-driver.js";

const NOW = new Date("2026-11-23T09:00:00Z");
let t: TestDatabase;
let teacher: Actor;
let engine: DialogEngine;
let pupilId: string;
let schoolId: string;

beforeAll(async () => {
  const world = await oneClass({ teachers: ["juf.format@test.example"] });
  ({ t, pupilId } = world);
  teacher = await loadActor(t.db, world.staffIds[0]!);
  schoolId = teacher.schoolId;
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());

describe(`the formats voorbereiden offers on ${testProvider()}`, () => {
  it("offers the kindgesprek formats only, and refuses a leerlingbespreking sent from a card", async () => {
    const r = await engine.start(teacher, "prepare", { pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });
    if (r.kind !== "step") throw new Error(r.kind);
    const offered = r.view.fields.find((f) => f.id === "format")!.options!.map((o) => o.value);
    expect(offered).toContain("middenbouw-kindgesprek");
    expect(offered).toContain("kindplan");
    expect(offered).not.toContain("leerlingbespreking");
    expect(offered).not.toContain("groepsgesprek");
    for (const key of offered) expect((await getFormat(t.db, schoolId, key)).subject).toBe("pupil");
    const v = r.view;
    const sent = await engine.submit(teacher, {
      sessionId: v.sessionId,
      stepId: v.stepId,
      version: v.version,
      action: "submit",
      values: autoValues(v, "2026-11-23", { format: "leerlingbespreking" }),
    });
    if (sent.kind !== "step") throw new Error(sent.kind);
    expect(sent.view.stepId).toBe("format");
    const session = await t.db.dialogSession.findUniqueOrThrow({ where: { id: v.sessionId } });
    expect(JSON.parse(session.answers).format?.format).toBeUndefined();
    await engine.abandonActive(teacher);
  });

  it("middenbouw asks who set the goal once: the newest version has no 'whose idea' question before the goal step", async () => {
    const format = await getFormat(t.db, schoolId, "middenbouw-kindgesprek");
    expect(format.version).toBeGreaterThanOrEqual(3);
    const fields = format.phases.flatMap((p) => p.sections.flatMap((s) => s.fields.map((f) => f.id)));
    expect(fields).not.toContain("goalIdeaFrom");
    // Conversations held with the earlier version keep their answers readable.
    const v2 = await getFormat(t.db, schoolId, "middenbouw-kindgesprek", 2);
    expect(v2.phases.flatMap((p) => p.sections.flatMap((s) => s.fields.map((f) => f.id)))).toContain("goalIdeaFrom");
  });
});

// Two turns on one dialog at once (two devices, a double tap): the turn that comes second works on
// an outdated dialog, changes nothing and shows where the dialog is now, or that it is finished.
// Each path of the engine that writes is raced once (issue 18: each check could be removed).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { translate } from "../../bot/i18n/translate.js";
import type { DialogSessionRecord } from "../../bot/services/dialog-sessions.js";
import { DialogEngine, type EngineResult } from "../../dialogs/engine/engine.js";
import { FLOWS } from "../../dialogs/flows/index.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { oneClass } from "../support/one-class.js";

const NOW = new Date("2026-11-23T09:00:00Z");
let t: TestDatabase;
let juf: Actor;
let engine: DialogEngine;
let pupilId: string;
const subject = () => ({ pupilId, groupId: null, conversationId: null, formatKey: null, formatVersion: null });

beforeAll(async () => {
  const world = await oneClass({ teachers: ["juf.races@test.example"] });
  t = world.t;
  pupilId = world.pupilId;
  juf = await loadActor(t.db, world.staffIds[0]!);
  engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
});
afterAll(async () => t?.destroy());
beforeEach(async () => {
  await engine.abandonActive(juf);
  await engine.start(juf, "note", subject());
});

const active = async () => (await engine.activeSession(juf))!;
const row = async (id: string) => {
  const { version, answers, rawInputs, status, pending } = await t.db.dialogSession.findUniqueOrThrow({ where: { id } });
  return { version, answers, rawInputs, status, pending };
};

/** The dialog as the first turn saw it, then moved on by another turn. */
async function outdated(change: () => Promise<unknown> = () => engine.answerText(juf, "Sam vertelde over zijn hut")): Promise<DialogSessionRecord> {
  const seen = await active();
  await change();
  return seen;
}

/** The second turn changed nothing and shows the dialog as it is now. */
async function expectShownAsItIs(
  seen: DialogSessionRecord,
  second: () => Promise<EngineResult | { result: EngineResult } | { session: DialogSessionRecord } | null>,
) {
  const before = await row(seen.id);
  const result = await second();
  const shown = result && "result" in result ? result.result : result;
  expect(shown).toMatchObject({ kind: "stale", text: translate("nl", "engine.stale") });
  expect(shown && "view" in shown ? shown.view?.version : undefined).toBe(before.version);
  expect(await row(seen.id)).toEqual(before);
}

describe(`a turn on an outdated dialog on ${testProvider()}`, () => {
  it("an answer, a pause, a step back, a refused skip or a stop changes nothing", async () => {
    const seen = await outdated();
    await expectShownAsItIs(seen, () => engine.answerText(juf, "terug", {}, seen));
    await expectShownAsItIs(seen, () => engine.answerText(juf, "iets anders", {}, seen));
    await expectShownAsItIs(seen, () => engine.answerText(juf, "pauze", {}, seen));
    await expectShownAsItIs(seen, () => engine.answerText(juf, "overslaan", {}, seen));
    await expectShownAsItIs(seen, () => engine.answerText(juf, "stop", {}, seen));
    await expectShownAsItIs(seen, () => engine.answerText(juf, "leerling Otis", { commandLike: true }, seen));
  });

  it("an answer to a question that was answered elsewhere changes nothing", async () => {
    await engine.answerText(juf, "Sam vertelde over zijn hut");
    await engine.answerText(juf, "stop");
    const stop = await outdated(async () => engine.answerQuestion(juf, (await active()).id, "no"));
    await expectShownAsItIs(stop, () => engine.replyToQuestion(juf, stop, "nee"));
    await expectShownAsItIs(stop, () => engine.replyToQuestion(juf, stop, "iets heel anders"));
    await engine.answerText(juf, "leerling Otis", { commandLike: true });
    const command = await outdated(async () => engine.answerQuestion(juf, (await active()).id, "no"));
    await expectShownAsItIs(command, () => engine.replyToQuestion(juf, command, "ja"));
  });

  it("a turn on a dialog stopped meanwhile says it is finished, and shows no step", async () => {
    const seen = await outdated(() => engine.abandonActive(juf));
    expect(await engine.answerText(juf, "nog iets", {}, seen)).toEqual({ kind: "stale", text: translate("nl", "engine.finished") });
  });
});

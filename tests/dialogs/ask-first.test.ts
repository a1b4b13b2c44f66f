// Issue 10, items 2 and 5: a dialog asks before it stores text that reads as a command, and before
// a stop discards what was filled in. Driven through the core's one door, as every channel does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BotCore } from "../../bot/chat/handle-turn.js";
import type { BotReply, StepView } from "../../bot/channel/types.js";
import { testProvider, type TestDatabase } from "../support/test-db.js";
import { localUser, oneClass, quietCore } from "../support/one-class.js";
import { buttonFor } from "../../bot/domain/actions.js";

let t: TestDatabase;
let core: BotCore;
const juf = localUser("juf.ask@test.example");
const meester = localUser("meester.ask@test.example");

beforeAll(async () => {
  ({ t } = await oneClass({ pupil: "Otis", teachers: [juf.externalId, meester.externalId] }));
  core = quietCore(t.db);
});
afterAll(async () => t?.destroy());

// Every test starts without an open dialog.
beforeEach(async () => {
  await t.db.dialogSession.updateMany({ where: { status: { in: ["active", "paused"] } }, data: { status: "cancelled" } });
});

const say = (text: string, user = juf) => core.handleTurn({ user, text });
const stepOf = (replies: BotReply[]): StepView | undefined => replies.find((r) => r.step)?.step;
const session = (id: string) => t.db.dialogSession.findUniqueOrThrow({ where: { id } });
const allText = (replies: BotReply[]) => replies.map((r) => r.text).join("\n");

/** Starts a note for Otis and answers its first question; returns the session id. */
async function noteWithOneAnswer(text: string): Promise<string> {
  const started = stepOf((await say("notitie Otis")).replies)!;
  await say(text);
  return started.sessionId;
}

describe(`a command typed during a dialog on ${testProvider()}`, () => {
  it("asks first and stores nothing; 'ja' runs the command and the dialog stays where it was", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    const before = await session(id);
    const asked = await say("leerling Otis");
    expect(asked.route).toBe("dialog.question");
    expect(allText(asked.replies)).toContain("Bedoel je het commando");
    expect(asked.replies[0]!.actions?.map((a) => a.action.command)).toEqual(["dialogReply", "dialogReply"]);
    const waiting = await session(id);
    expect(waiting.answers).toBe(before.answers);
    expect(waiting.rawInputs).toBe(before.rawInputs);

    const ran = await say("ja");
    expect(ran.route).toBe("pupil");
    expect(allText(ran.replies)).toContain("Otis");
    const after = await session(id);
    expect(after.status).toBe("active");
    expect(after.stepId).toBe(before.stepId);
    expect(after.answers).toBe(before.answers);
    expect(after.pending).toBeNull();
  });

  it("'nee' stores the text once, in the field that was asked", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    const asked = await say("leerling Otis");
    const field = /antwoord op ‘(.+?)’/.exec(allText(asked.replies))![1];
    expect(field).toBeTruthy();
    await say("nee");
    const answers = JSON.parse((await session(id)).answers) as Record<string, Record<string, unknown>>;
    const stored = Object.values(answers).flatMap((given) => Object.entries(given).filter(([, v]) => v === "leerling Otis"));
    expect(stored).toHaveLength(1);
    // The first answer is untouched, and the command text is stored as the second field's answer.
    expect(Object.values(answers).flatMap((g) => Object.values(g))).toContain("Otis vertelde over zijn hut");
  });

  it("another message instead of ja/nee hands the asked-about text back, so it is not lost", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    await say("notitie Otis: eerste notitie over de voetbaltraining");
    const next = await say("notitie Otis: tweede notitie");
    expect(allText(next.replies)).toContain("Je vorige bericht heb ik niet uitgevoerd en niet opgeslagen");
    expect(allText(next.replies)).toContain("notitie Otis: eerste notitie over de voetbaltraining");
    // The new text is asked about in turn; the first was neither run nor stored.
    expect(allText(next.replies)).toContain("Bedoel je het commando");
    expect((await session(id)).answers).not.toContain("voetbaltraining");
    expect(await t.db.note.count({ where: { text: { contains: "voetbaltraining" } } })).toBe(0);
  });

  it("a card, a button that starts or resumes a dialog, instead of ja/nee: the asked-about text comes back too", async () => {
    const pupil = await t.db.pupil.findFirstOrThrow({ where: { firstName: "Otis" } });
    const handedBack = (replies: BotReply[], text: string) => {
      expect(allText(replies)).toContain("Je vorige bericht heb ik niet uitgevoerd en niet opgeslagen");
      expect(allText(replies)).toContain(text);
    };
    // The card's back button.
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    await say("notitie Otis: over de voetbaltraining");
    const waiting = await session(id);
    expect(waiting.pending).toContain("voetbaltraining");
    const back = { sessionId: id, stepId: waiting.stepId, version: waiting.version, action: "back", values: {} };
    const wentBack = await core.handleTurn({ user: juf, text: "", submission: back });
    expect(wentBack.route).toBe("dialog.step");
    handedBack(wentBack.replies, "notitie Otis: over de voetbaltraining");
    expect((await session(id)).pending).toBeNull();
    // A button that starts another dialog (which pauses this one).
    await say("notitie Otis: over het voorlezen");
    const started = await core.handleTurn({ user: juf, text: "", action: buttonFor("Voorbereiden", "prepare", { pupilId: pupil.id }).action });
    handedBack(started.replies, "notitie Otis: over het voorlezen");
    expect(allText(started.replies)).toContain("Je vorige gesprek staat op pauze");
    const preparation = stepOf(started.replies)!.sessionId;
    // A button that resumes the paused note, pausing the preparation: said, and its question's text handed back.
    await say("overzicht");
    expect((await session(preparation)).pending).toContain("overzicht");
    const resumed = await core.handleTurn({ user: juf, text: "", action: buttonFor("Verder", "resume", { sessionId: id }).action });
    expect(stepOf(resumed.replies)?.sessionId).toBe(id);
    handedBack(resumed.replies, "overzicht");
    expect(allText(resumed.replies)).toContain("Je vorige gesprek staat op pauze");
    expect((await session(preparation)).status).toBe("paused");
    // Nothing of it was stored or run.
    expect((await session(id)).answers).not.toContain("voetbaltraining");
    expect(await t.db.note.count({ where: { text: { contains: "voorlezen" } } })).toBe(0);
  });

  it("'ja' to a command that starts another dialog says the first is paused, and keeps it", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    await say("voorbereiden Otis");
    const started = await say("ja");
    expect(allText(started.replies)).toContain("Je vorige gesprek staat op pauze");
    expect(stepOf(started.replies)?.sessionId).not.toBe(id);
    const first = await session(id);
    expect(first.status).toBe("paused");
    expect(first.answers).toContain("Otis vertelde over zijn hut");
  });

  it("the buttons do the same; an old or foreign button changes nothing", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    const asked = await say("overzicht");
    const [yes, no] = asked.replies[0]!.actions!;
    const foreign = await core.handleTurn({ user: meester, text: "", action: no!.action });
    expect(allText(foreign.replies)).toContain("iemand anders");
    expect((await session(id)).pending).not.toBeNull();
    const pressed = await core.handleTurn({ user: juf, text: "", action: yes!.action });
    expect(pressed.route).toBe("overview");
    const again = await core.handleTurn({ user: juf, text: "", action: no!.action });
    expect(allText(again.replies)).toContain("niet meer actueel");
    expect((await session(id)).answers).not.toContain("overzicht");
  });

  it("other text drops the question and is the answer; a later 'ja' is not taken as the command", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    await say("leerling Otis");
    await say("een hut bouwen");
    expect((await session(id)).pending).toBeNull();
    const shared = await say("ja");
    expect(shared.route).toBe("dialog.completed");
    const note = await t.db.note.findFirstOrThrow({ where: { text: "Otis vertelde over zijn hut" }, orderBy: { createdAt: "desc" } });
    expect(note.shareWithParents).toBe(true);
    expect(JSON.stringify(note)).not.toContain("leerling Otis");
  });
});

describe(`stop during a dialog on ${testProvider()}`, () => {
  it("asks first, saying what would be discarded; 'nee' keeps everything", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    const asked = await say("stop");
    expect(asked.route).toBe("dialog.question");
    expect(allText(asked.replies)).toMatch(/Stoppen met .*het ene antwoord/);
    expect(allText(asked.replies)).toContain("pauze");
    expect((await session(id)).status).toBe("active");
    const kept = await say("nee");
    expect(stepOf(kept.replies)?.sessionId).toBe(id);
    expect((await session(id)).answers).toContain("Otis vertelde over zijn hut");
  });

  it("'pauze' keeps the answers for later; 'ja' discards them", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over het kamp");
    await say("stop");
    expect((await say("pauze")).route).toBe("dialog.paused");
    expect((await session(id)).status).toBe("paused");
    expect((await session(id)).answers).toContain("Otis vertelde over het kamp");
    await say("verder");
    await say("stoppen");
    const stopped = await say("ja");
    expect(stopped.route).toBe("dialog.cancelled");
    expect((await session(id)).status).toBe("cancelled");
    expect(await t.db.note.count({ where: { text: "Otis vertelde over het kamp" } })).toBe(0);
  });

  it("with nothing filled in, stops at once", async () => {
    const started = stepOf((await say("notitie Otis")).replies)!;
    expect((await say("stop")).route).toBe("dialog.cancelled");
    expect((await session(started.sessionId)).status).toBe("cancelled");
  });

  it("the card's Stoppen asks too, keeping what the card carried; the button confirms", async () => {
    const step = stepOf((await say("notitie Otis")).replies)!;
    const field = step.fields[0]!;
    const submission = {
      sessionId: step.sessionId,
      stepId: step.stepId,
      version: step.version,
      action: "cancel",
      values: { [field.id]: "Otis tekende een draak" },
    };
    const asked = await core.handleTurn({ user: juf, text: "", submission });
    expect(asked.route).toBe("dialog.question");
    expect((await session(step.sessionId)).answers).toContain("Otis tekende een draak");
    const yes = asked.replies[0]!.actions!.find((a) => a.label === "Ja, stoppen")!;
    expect((await core.handleTurn({ user: juf, text: "", action: yes.action })).route).toBe("dialog.cancelled");
    expect((await session(step.sessionId)).status).toBe("cancelled");
  });

  it("a later 'ja' after other text is an answer, not a stop", async () => {
    const id = await noteWithOneAnswer("Otis vertelde over zijn hut");
    await say("stop");
    await say("een boomhut");
    expect((await say("ja")).route).toBe("dialog.completed");
    expect((await session(id)).status).toBe("completed");
  });
});

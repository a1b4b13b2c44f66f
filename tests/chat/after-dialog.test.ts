// A line typed just after a dialog ended (every Enter is a message: a third question after the
// last step) is not met with a bare "I don't understand": the reply quotes it as not saved and,
// after a preparation, says how to add it. Long after, or a real command, is handled as ever.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { middenbouwTeacher } from "../short/terminal-teacher.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

describe(`a line typed after a dialog ended on ${testProvider()}`, () => {
  it("is quoted as not saved, and the note holds only what was typed before it ended", async () => {
    const juf = await middenbouwTeacher(t.db);
    await juf.say("notitie Otis");
    await juf.say("Otis vertelde trots over zijn hut");
    await juf.say("-");
    expect(await juf.say("nee")).toContain("Notitie opgeslagen");
    const stray = await juf.say("en hij had hem zelf gebouwd");
    expect(stray).toContain("Dit heb ik niet opgeslagen: “en hij had hem zelf gebouwd”");
    expect(stray).not.toContain("voorbereiden");
    // It may be a mistyped command: the pointer to help stays.
    expect(stray).toContain("Typ help voor wat ik kan");
    const notes = await t.db.note.findMany({ where: { pupilId: juf.pupilId } });
    expect(notes.map((n) => n.text)).toEqual(["Otis vertelde trots over zijn hut"]);
    // A command right after is a command.
    expect(await juf.say("help")).toContain("voorbereiden");
  });

  it("after a preparation, names the command that adds to it; long after, it is an unknown line as ever", async () => {
    const juf = await middenbouwTeacher(t.db);
    const staff = await t.db.staff.findUniqueOrThrow({ where: { id: juf.teacherId } });
    const pupil = await t.db.pupil.findUniqueOrThrow({ where: { id: juf.pupilId } });
    const ended = await t.db.dialogSession.create({
      data: { schoolId: staff.schoolId, staffId: staff.id, kind: "prepare", pupilId: pupil.id, stepId: "coach", status: "completed" },
    });
    const out = await juf.say("Hoe gaat het in de kring?");
    expect(out).toContain("Dit heb ik niet opgeslagen: “Hoe gaat het in de kring?”");
    expect(out).toContain(`voorbereiden ${pupil.firstName} ${pupil.lastName}`);
    await t.db.dialogSession.update({ where: { id: ended.id }, data: { updatedAt: new Date(Date.now() - 11 * 60_000) } });
    const later = await juf.say("Hoe gaat het in de kring?");
    expect(later).toContain("Dat begrijp ik niet");
    expect(later).not.toContain("niet opgeslagen");
  });
});

describe(`half an emoji (a lone surrogate) in what is typed, on ${testProvider()}`, () => {
  it("is stored as the replacement character, never lost behind an internal error", async () => {
    const juf = await middenbouwTeacher(t.db);
    await juf.say("notitie Otis");
    const answer = await juf.say("Otis vertelde over zijn hut \ud83d en lachte");
    expect(answer).not.toContain("Er ging iets mis");
    await juf.say("-");
    expect(await juf.say("nee")).toContain("Notitie opgeslagen");
    const notes = await t.db.note.findMany({ where: { pupilId: juf.pupilId } });
    expect(notes.map((n) => n.text)).toEqual(["Otis vertelde over zijn hut \ufffd en lachte"]);
    // A whole emoji is kept as it is.
    await juf.say("notitie Otis");
    await juf.say("Otis tekende een 🏠");
    await juf.say("-");
    await juf.say("nee");
    expect((await t.db.note.findMany({ where: { pupilId: juf.pupilId } })).map((n) => n.text)).toContain("Otis tekende een 🏠");
  });
});

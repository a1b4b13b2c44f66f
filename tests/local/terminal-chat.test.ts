// The terminal chat, driven through its streams as a person would type, on the real core and database.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

/**
 * A teacher of groep 5 (Sam, Samira and Noor) at a school of their own, so that no test sees
 * another's notes, language or half-made choice. Returns the teacher's e-mail.
 */
async function teacherOfGroep5(): Promise<string> {
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5");
  for (const name of ["Sam", "Samira", "Noor"]) await makePupil(t.db, school.id, group.id, name);
  return (await makeStaff(t.db, school.id, { groups: [group.id] })).email;
}

function chatAs(email: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += String(chunk)));
  const core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
  const chat = new TerminalChat({ core, user: { channel: "local", externalId: email, email }, input, output });
  return { chat, input, output: () => text };
}

describe(`terminal chat on ${testProvider()}`, () => {
  it("runs a typed session from piped input until 'exit'", async () => {
    const { chat, input, output } = chatAs(await teacherOfGroep5());
    const done = chat.run();
    input.end("help\nmijn groep\nexit\nhelp\n");
    await done;
    const text = output();
    expect(text).toContain("Dit kan ik voor je doen");
    expect(text).toContain("groep 5");
    expect(text).toMatch(/Noor[\s\S]*Sam[\s\S]*Samira/);
    // Nothing after "exit" is handled.
    expect(text.match(/Dit kan ik voor je doen/g)).toHaveLength(1);
  });

  it("restarted in the middle of a dialog: the welcome shows its step, and a typed number answers it", async () => {
    const email = await teacherOfGroep5();
    const first = chatAs(email);
    expect(await first.chat.send("voorbereiden Noor")).toContain("1. ");
    // A new terminal chat, as after a restart: the menu's numbered buttons would take the "1".
    const { chat, input, output } = chatAs(email);
    const done = chat.run();
    input.end("1\n");
    await done;
    const text = output();
    expect(text).toContain("Je was nog bezig; hier ga je verder.");
    expect(text).not.toContain("[1] Gesprek voorbereiden");
    // The "1" chose the step's first format, and the preparation moved on.
    expect(text).toContain("Waarom dit gesprek?");
    const staff = await t.db.staff.findFirstOrThrow({ where: { email } });
    const session = await t.db.dialogSession.findFirstOrThrow({ where: { staffId: staff.id, kind: "prepare" } });
    expect(session.stepId).toBe("aim");
    expect(JSON.parse(session.answers)).toHaveProperty("format.format");
    // A dialog she may no longer open (no longer the pupil's teacher): the menu, not a refusal.
    await t.db.groupTeacher.deleteMany({ where: { staffId: staff.id } });
    const after = chatAs(email);
    const ended = after.chat.run();
    after.input.end("");
    await ended;
    expect(after.output()).toContain("[1] Gesprek voorbereiden");
    expect(after.output()).not.toContain("Je was nog bezig");
  });

  it("restarted while a question waits: the welcome asks it again, and the reply answers what she sees", async () => {
    const email = await teacherOfGroep5();
    const staff = await t.db.staff.findFirstOrThrow({ where: { email } });
    const first = chatAs(email);
    await first.chat.send("voorbereiden Noor");
    expect(await first.chat.send("1")).toContain("Waarom dit gesprek?");
    expect(await first.chat.send("ze is stil in de kring")).toContain("Vraag 2/3");
    expect(await first.chat.send("stop")).toMatch(/Stoppen met .*\(ja \/ nee \/ pauze\)/);
    // A restart: the stop question is shown again, not only the step, so "nee" answers it.
    const second = chatAs(email);
    const done = second.chat.run();
    second.input.end("nee\n");
    await done;
    expect(second.output()).toMatch(/Je was nog bezig[\s\S]*Stoppen met .*\(ja \/ nee \/ pauze\)[\s\S]*\[2\] Nee, ga verder/);
    const session = await t.db.dialogSession.findFirstOrThrow({ where: { staffId: staff.id, kind: "prepare" } });
    expect(session).toMatchObject({ status: "active", pending: null });
    // `verder` shows the step with what it already holds, then its next question.
    expect(await chatAs(email).chat.send("verder")).toMatch(/Al ingevuld in deze stap:\n1\. Aanleiding: ze is stil in de kring\n\nVraag 2\/3/);
    // A command question waiting at a restart: shown again, and its "2" files the text as the answer.
    expect(await chatAs(email).chat.send("leerling Sam")).toContain("[2] Nee, dit is mijn antwoord");
    const third = chatAs(email);
    const ran = third.chat.run();
    third.input.end("2\n");
    await ran;
    expect(third.output()).toMatch(/Bedoel je het commando leerling Sam\?/);
    const after = await t.db.dialogSession.findFirstOrThrow({ where: { id: session.id } });
    expect(Object.values(JSON.parse(after.answers) as Record<string, Record<string, unknown>>).flatMap((step) => Object.values(step))).toContain(
      "leerling Sam",
    );
  });

  it("shows a pupil's timeline, and offers a numbered choice when a name is ambiguous", async () => {
    const { chat } = chatAs(await teacherOfGroep5());
    // An exact first name wins over partial matches.
    expect(await chat.send("leerling sam")).toMatch(/^Sam T\. \(groep 5\)/);
    const choice = await chat.send("leerling sa");
    expect(choice).toContain("[1] Sam T.");
    expect(choice).toContain("[2] Samira T.");
    const record = await chat.send("2");
    expect(record).toContain("Samira T.");
    expect(record).toContain("Nog geen gesprekken");
  });

  it("keeps a quick note's text when the name needs a choice", async () => {
    const { chat } = chatAs(await teacherOfGroep5());
    const choice = await chat.send("notitie Sa: vertelde over de Zeehondjes-les");
    expect(choice).toContain("[2] Samira T.");
    // The note is in the question too: typing a name instead of a number loses nothing.
    expect(choice).toMatch(/nog niet opgeslagen.*vertelde over de Zeehondjes-les/);
    expect(await chat.send("2")).toContain("Notitie opgeslagen");
    const note = await t.db.note.findFirstOrThrow({ where: { text: "vertelde over de Zeehondjes-les" }, include: { pupil: true } });
    expect(note.pupil.firstName).toBe("Samira");
    const nobody = await chat.send("notitie Xavier: iets belangrijks");
    expect(nobody).toContain("iets belangrijks");
  });

  it("switches to English and back", async () => {
    const { chat } = chatAs(await teacherOfGroep5());
    expect(await chat.send("english")).toContain("English");
    expect(await chat.send("help")).toContain("Here is what I can do");
    expect(await chat.send("nederlands")).toContain("Nederlands");
    expect(await chat.send("help")).toContain("Dit kan ik voor je doen");
  });

  it("refuses politely a person who is not on the staff list", async () => {
    await teacherOfGroep5(); // a class with a Sam exists, just not for this person
    const { chat } = chatAs("stranger@elsewhere.example");
    const reply = await chat.send("mijn groep");
    expect(reply).toContain("niet op de personeelslijst");
    expect(reply).not.toContain("Sam");
  });

  it("answers an unknown command with a pointer to help", async () => {
    const { chat } = chatAs(await teacherOfGroep5());
    expect(await chat.send("blablabla")).toContain("help");
  });
});

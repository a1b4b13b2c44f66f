// The terminal chat, driven through its streams as a person would type, on the real core and database.
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

let t: TestDatabase;
let teacherEmail: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5");
  await makePupil(t.db, school.id, group.id, "Sam");
  await makePupil(t.db, school.id, group.id, "Samira");
  await makePupil(t.db, school.id, group.id, "Noor");
  const teacher = await makeStaff(t.db, school.id, { groups: [group.id], email: "juf.anna@test.example" });
  teacherEmail = teacher.email;
});
afterAll(async () => t?.destroy());

function chatAs(email: string) {
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += String(chunk)));
  const core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
  const chat = new TerminalChat({ core, user: { channel: "local", externalId: email, email }, input: new PassThrough(), output });
  return { chat, output: () => text };
}

// Written as a story: each test goes on from where the one before left off, so these run in order
// (npm test shuffles every other file's tests; making these independent is a follow-up).
describe(`terminal chat on ${testProvider()}`, { shuffle: false }, () => {
  it("runs a typed session from piped input until 'exit'", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk) => (text += String(chunk)));
    const core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
    const chat = new TerminalChat({ core, user: { channel: "local", externalId: teacherEmail, email: teacherEmail }, input, output });
    const done = chat.run();
    input.end("help\nmijn groep\nexit\nhelp\n");
    await done;
    expect(text).toContain("Dit kan ik voor je doen");
    expect(text).toContain("groep 5");
    expect(text).toMatch(/Noor[\s\S]*Sam[\s\S]*Samira/);
    // Nothing after "exit" is handled.
    expect(text.match(/Dit kan ik voor je doen/g)).toHaveLength(1);
  });

  it("shows a pupil's timeline, and offers a numbered choice when a name is ambiguous", async () => {
    const { chat } = chatAs(teacherEmail);
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
    const { chat } = chatAs(teacherEmail);
    const choice = await chat.send("notitie Sa: vertelde over de Zeehondjes-les");
    expect(choice).toContain("[2] Samira T.");
    expect(await chat.send("2")).toContain("Notitie opgeslagen");
    const note = await t.db.note.findFirstOrThrow({ where: { text: "vertelde over de Zeehondjes-les" }, include: { pupil: true } });
    expect(note.pupil.firstName).toBe("Samira");
    const nobody = await chat.send("notitie Xavier: iets belangrijks");
    expect(nobody).toContain("iets belangrijks");
  });

  it("switches to English and back", async () => {
    const { chat } = chatAs(teacherEmail);
    expect(await chat.send("english")).toContain("English");
    expect(await chat.send("help")).toContain("Here is what I can do");
    expect(await chat.send("nederlands")).toContain("Nederlands");
  });

  it("refuses politely a person who is not on the staff list", async () => {
    const { chat } = chatAs("stranger@elsewhere.example");
    const reply = await chat.send("mijn groep");
    expect(reply).toContain("niet op de personeelslijst");
    expect(reply).not.toContain("Sam");
  });

  it("answers an unknown command with a pointer to help", async () => {
    const { chat } = chatAs(teacherEmail);
    expect(await chat.send("blablabla")).toContain("help");
  });
});

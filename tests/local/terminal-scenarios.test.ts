// A teacher types through a preparation, a conversation and a quick note in the terminal chat,
// and the outcomes are in the database: the same core and dialogs the channels use.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import { localDate } from "../../bot/domain/local-time.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { loadBuiltinFormats } from "../../bot/formats/registry.js";
import { weekdayAhead } from "../support/dialog-driver.js";

let t: TestDatabase;
const exportDir = mkdtempSync(path.join(tmpdir(), "gw-exports-"));
const inTwoWeeks = weekdayAhead(localDate(new Date(), "Europe/Amsterdam")).split("-").reverse().join("-");

/** What a teacher would type for the question the bot just asked. */
function answerFor(output: string): string {
  // The question is the last paragraph before the line of commands ("terug · pauze · stop").
  const paragraphs = output.trim().split("\n\n");
  if (/^(terug|overslaan|pauze|stop)\b/.test(paragraphs.at(-1) ?? "")) paragraphs.pop();
  const tail = paragraphs.at(-1) ?? "";
  if (/Typ \*?\*?ok/.test(tail) || /Typ ok/.test(tail)) return "ok";
  if (/ja\/nee/.test(tail)) return /Nog een/.test(tail) ? "nee" : "ja";
  if (/Typ het nummer|Typ een of meer nummers/.test(tail)) return "1";
  if (/dd-mm-jjjj/.test(tail)) return inTwoWeeks;
  if (/uu:mm/.test(tail)) return "10:30";
  const range = /Typ een getal(?: van (\d+) tot en met (\d+))?/.exec(tail);
  if (range) return range[1] ? String(Math.max(Number(range[1]), Math.min(15, Number(range[2])))) : "15";
  if (/Wie\?/.test(tail)) return "Sam en juf Anna";
  if (/Doet wat/.test(tail)) return "leest elke dag 10 minuten in zijn leesboek";
  if (/Wanneer \/ hoe vaak/.test(tail)) return "elke dag na de instructie";
  if (/Straks wil ik/.test(tail)) return "Ik wil de tafel van 7 uit mijn hoofd kennen";
  if (/Je vragen/.test(tail)) return "Wat ging er goed deze week?";
  if (/Onderwijsdoel/.test(tail)) return "Werkt na de groepsinstructie 10 minuten zelfstandig aan een taak";
  return "Dat vertelde Sam zelf";
}

async function typeUntilDone(chat: TerminalChat, first: string, done: RegExp, maxTurns = 80): Promise<string> {
  let output = await chat.send(first);
  const transcript = [output];
  for (let i = 0; i < maxTurns && !done.test(output); i++) {
    output = await chat.send(answerFor(output));
    transcript.push(output);
  }
  if (!done.test(output)) throw new Error(`not done after ${maxTurns} turns; last output:\n${output}`);
  return transcript.join("\n---\n");
}

/** What a teacher can start by typing: the newest version of every built-in format. */
const newestFormats = () => loadBuiltinFormats().filter((f, _, all) => !all.some((o) => o.key === f.key && o.version > f.version));

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.destroy());

/**
 * A teacher of groep 5 at a school of their own, with these pupils, typing in a terminal chat of
 * their own: each test starts from a class where nothing has happened yet.
 */
async function teacherOfGroep5(...pupilNames: string[]) {
  const school = await makeSchool(t.db);
  const group = await makeGroup(t.db, school.id, "groep 5", "middenbouw");
  const pupilIds: Record<string, string> = {};
  for (const name of pupilNames) pupilIds[name] = (await makePupil(t.db, school.id, group.id, name)).id;
  const teacher = await makeStaff(t.db, school.id, { groups: [group.id] });
  const core = createCore({ db: t.db, logger: pino({ level: "silent" }), defaultLocale: "nl" });
  const chat = new TerminalChat({
    core,
    user: { channel: "local", externalId: teacher.email, email: teacher.email },
    input: new PassThrough(),
    output: new PassThrough(),
    exportDir,
  });
  /** Types `first`, then answers every question as a teacher would until `done` shows. */
  const type = (first: string, done: RegExp) => typeUntilDone(chat, first, done);
  return { chat, type, groupId: group.id, pupilIds };
}

type Teacher = Awaited<ReturnType<typeof teacherOfGroep5>>;

/** The teacher prepares a conversation with the pupil (the first format) and saves it. */
const prepare = (juf: Teacher, name: string) => juf.type(`voorbereiden ${name}`, /Voorbereiding opgeslagen/);

/** The teacher holds a conversation with the pupil straight away, without a preparation, and saves it. */
const holdConversation = (juf: Teacher, name: string) => juf.type(`gesprek ${name}`, /Gesprek met [^\n]+ opgeslagen/);

describe(`typing in the terminal chat on ${testProvider()}`, () => {
  it("prepares a conversation, with a typo in the date corrected on the way", async () => {
    const juf = await teacherOfGroep5("Sam");
    const { chat } = juf;
    let out = await chat.send("voorbereiden Sam");
    expect(out).toContain("Voorbereiding — Sam");
    out = await chat.send("1"); // format
    out = await chat.send("Sam is stil in de kring");
    out = await chat.send("horen wat hem bezighoudt");
    out = await chat.send("-"); // theme left empty
    expect(out).toContain("Datum");
    out = await chat.send("31-02-2026");
    expect(out).toContain("Typ een datum");
    expect(out).toContain("Je typte: 31-02-2026");
    out = await chat.send(inTwoWeeks);
    expect(out).toContain("Tijd");
    const transcript = await juf.type("10:30", /Voorbereiding opgeslagen/);
    expect(transcript).toContain("vraagcoach");
    const conversation = await t.db.conversation.findFirstOrThrow({ where: { pupilId: juf.pupilIds.Sam! } });
    expect(conversation.status).toBe("prepared");
    expect(JSON.parse(conversation.preparation).aim.theme).toBe("");
  });

  it("holds the prepared conversation, pausing and resuming half-way", async () => {
    const juf = await teacherOfGroep5("Sam");
    const { chat } = juf;
    await prepare(juf, "Sam");
    let out = await chat.send("gesprek Sam");
    expect(out).toContain("Sam");
    out = await chat.send("ok");
    out = await chat.send(answerFor(out));
    out = await chat.send("pauze");
    expect(out).toContain("Gepauzeerd");
    // Other commands work while the dialog is paused.
    expect(await chat.send("mijn groep")).toContain("groep 5");
    out = await chat.send("verder met het gesprek van Sam");
    expect(out).toContain("Stap");
    await juf.type(answerFor(out), /Gesprek met \*?\*?Sam[^*\n]*\*?\*? opgeslagen/);
    const held = await t.db.conversation.findFirstOrThrow({ where: { pupilId: juf.pupilIds.Sam! }, include: { goals: true, agreements: true } });
    expect(held.status).toBe("held");
    expect(held.goals[0]?.goalText).toBe("Ik wil de tafel van 7 uit mijn hoofd kennen");
    expect(held.agreements[0]?.what).toBe("leest elke dag 10 minuten in zijn leesboek");
  });

  it("records a quick note in one message and shows the timeline with ownership skills", async () => {
    const juf = await teacherOfGroep5("Sam");
    await holdConversation(juf, "Sam");
    // The confirmation names the pupil (two Sams in a group are told apart by the last name).
    expect(await juf.chat.send("notitie Sam: vertelde trots over zijn hut doel: zelf een boek kiezen")).toMatch(/Notitie opgeslagen bij Sam \S+\./);
    const note = await t.db.note.findFirstOrThrow({ where: { pupilId: juf.pupilIds.Sam! } });
    expect(note).toMatchObject({ text: "vertelde trots over zijn hut", goalText: "zelf een boek kiezen" });
    const timeline = await juf.chat.send("leerling Sam");
    expect(timeline).toContain("Notitie: vertelde trots over zijn hut — doel: zelf een boek kiezen");
    expect(timeline).toMatch(/Eigenaarschap over tijd: .*eigen doelen stellen 1\/1/);
  });

  it("shows the group overview and exports the kindplan as a file", async () => {
    const juf = await teacherOfGroep5("Sam", "Noor");
    await holdConversation(juf, "Sam");
    expect(await juf.chat.send("overzicht")).toMatch(/1 van 2 leerlingen had een gesprek[\s\S]*Sam T\.: gehouden · open doelen 1/);
    const out = await juf.chat.send("export Sam");
    const file = /→ (.+\.html)/.exec(out)?.[1];
    expect(file && existsSync(file)).toBe(true);
    expect(readFileSync(file!, "utf8")).toContain("<h1>Kindplan — Sam T.</h1>");
    expect(path.basename(file!)).toMatch(/^kindplan-sam-t-+\d{4}-\d{2}-\d{2}\.html$/);
    // The English page gets a name of its own: the Dutch file is kept, not overwritten.
    await juf.chat.send("english");
    const english = /→ (.+\.html)/.exec(await juf.chat.send("export Sam"))?.[1];
    expect(english).toBe(file!.replace(/\.html$/, "-en.html"));
    expect(readFileSync(english!, "utf8")).toContain("<h1>Pupil plan — Sam T.</h1>");
    expect(readFileSync(file!, "utf8")).toContain("<h1>Kindplan — Sam T.</h1>");
    expect(existsSync(english!.replace(/\.html$/, ".pdf")) && existsSync(file!.replace(/\.html$/, ".pdf"))).toBe(true);
  });

  it("coaches a question on demand", async () => {
    const { chat } = await teacherOfGroep5("Sam");
    const out = await chat.send("coach Vind je rekenen leuk?");
    expect(out).toContain("gesloten");
    expect(out).toContain("Probeer:");
  });
});

describe(`every format typed through in the terminal on ${testProvider()}`, () => {
  for (const format of newestFormats()) {
    it(`${format.key}`, async () => {
      const name = `Kind${format.key.replace(/-/g, "")}`;
      const juf = await teacherOfGroep5(name);
      if (format.subject === "group") {
        await juf.type("groepsgesprek", /opgeslagen/);
        const held = await t.db.conversation.findFirstOrThrow({ where: { formatKey: format.key, groupId: juf.groupId } });
        expect(held.status).toBe("held");
        return;
      }
      if (format.key === "leerlingbespreking") {
        await juf.type(`leerlingbespreking ${name}`, /opgeslagen/);
      } else {
        // Choose the format by typing its name in the preparation, then hold the conversation.
        const out = await juf.chat.send(`voorbereiden ${name}`);
        expect(out).toContain("Format");
        await juf.type(format.name.nl, /Voorbereiding opgeslagen/);
        await juf.type(`gesprek ${name}`, /opgeslagen/);
      }
      const held = await t.db.conversation.findFirstOrThrow({ where: { pupilId: juf.pupilIds[name]!, formatKey: format.key }, include: { goals: true } });
      // The leerlingbespreking is a meeting without the pupil: recorded, with its educational goal, never held.
      const status = format.closeWithEducationalGoal ? "discussed" : "held";
      expect(held).toMatchObject({ status, formatKey: format.key, formatVersion: format.version });
      expect(held.goals).toHaveLength(format.closeWithPlan || format.closeWithEducationalGoal ? 1 : 0);
    });
  }
});

// A group's onderwijsbehoeften for the groepsplan, from conversations held through the dialog
// engine: statements from every field a format marks `educationalNeed` (a school's own format
// here, so the list keys on the attribute, not on a format we know) and from the kindplan's help;
// the newest per pupil and source this school year; the CSV read back as Excel would read it;
// the PDF read with pdftotext; and only the group's teachers and a content reader get it.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../bot/auth/actor.js";
import { buildGroupNeeds, findNeedsGroups } from "../../bot/services/educational-needs.js";
import { needsCsv } from "../../bot/exports/needs-csv.js";
import { needsPrintable } from "../../bot/exports/needs-printable.js";
import { printableAttachments } from "../../bot/exports/attachment.js";
import { addSchoolFormat } from "../../bot/formats/registry.js";
import { DialogEngine } from "../../dialogs/engine/engine.js";
import { CONVERSATION, FLOWS } from "../../dialogs/flows/index.js";
import { ErrorCode, toAppError } from "../../bot/errors.js";
import { createTestDatabase, testProvider, type TestDatabase } from "../support/test-db.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";
import { walkToEnd } from "../support/dialog-driver.js";
import { pdfText } from "../support/pdf-text.js";
import { htmlText, squash } from "./printed-text.js";

const NOW = new Date("2026-11-23T09:00:00Z");
const TODAY = "2026-11-23";
let t: TestDatabase;
let schoolId: string;
let groep5: string;
const actors: Record<"teacher" | "duo" | "otherTeacher" | "teamLeader" | "ib" | "reader" | "admin", Actor> = {} as never;
const pupil: Record<"ayse" | "lukasz" | "finn" | "noor", string> = { ayse: "", lukasz: "", finn: "", noor: "" };

/** Typed in the kindplan: a `;`, quotes and a line break, all to survive the CSV. */
const AYSE_HELP = 'Extra uitleg; "stap voor stap"\nen een rustige plek';

/** A school's own format with two fields marked as onderwijsbehoefte: typed text and a choice. */
const SCHOOL_FORMAT = {
  key: "hulpgesprek",
  version: 1,
  name: { nl: "Hulpgesprek", en: "Help conversation" },
  description: { nl: "Wat helpt jou bij het leren?", en: "What helps you learn?" },
  audience: ["middenbouw"],
  closeWithPlan: false,
  phases: [
    {
      id: "romp",
      title: { nl: "Romp", en: "Body" },
      sections: [
        {
          id: "watHelpt",
          title: { nl: "Wat helpt?", en: "What helps?" },
          fields: [
            { id: "helps", kind: "longText", label: { nl: "Wat helpt de leerling?", en: "What helps the pupil?" }, educationalNeed: true },
            {
              id: "ways",
              kind: "multiChoice",
              label: { nl: "Wat past?", en: "What fits?" },
              educationalNeed: true,
              options: [
                { value: "quiet", label: { nl: "Een rustige plek", en: "A quiet place" } },
                { value: "buddy", label: { nl: "Een maatje", en: "A buddy" } },
              ],
            },
            { id: "other", kind: "shortText", label: { nl: "Verder", en: "Other" } },
          ],
        },
      ],
    },
  ],
};

beforeAll(async () => {
  t = await createTestDatabase();
  const school = await makeSchool(t.db, "Basisschool De Linde");
  schoolId = school.id;
  groep5 = (await makeGroup(t.db, schoolId, "groep 5", "middenbouw")).id;
  const groep7 = (await makeGroup(t.db, schoolId, "groep 7", "bovenbouw")).id;
  pupil.ayse = (await makePupil(t.db, schoolId, groep5, "Ayşe")).id;
  pupil.lukasz = (await makePupil(t.db, schoolId, groep5, "Łukasz")).id;
  pupil.finn = (await makePupil(t.db, schoolId, groep5, "Finn")).id;
  pupil.noor = (await makePupil(t.db, schoolId, groep5, "Noor")).id;
  await t.db.pupil.update({ where: { id: pupil.ayse }, data: { lastName: "Yılmaz" } });
  await t.db.pupil.update({ where: { id: pupil.lukasz }, data: { lastName: "Wiśniewski" } });
  const actor = async (spec: Parameters<typeof makeStaff>[2]) => loadActor(t.db, (await makeStaff(t.db, schoolId, spec)).id);
  actors.teacher = await actor({ groups: [groep5] });
  actors.duo = await actor({ groups: [groep5] });
  actors.otherTeacher = await actor({ groups: [groep7] });
  actors.teamLeader = await actor({ roles: [{ role: "team_leader", bouw: "middenbouw" }] });
  actors.ib = await actor({ roles: [{ role: "ib" }], supports: [pupil.ayse, pupil.lukasz, pupil.finn, pupil.noor] });
  actors.reader = await actor({ roles: [{ role: "content_reader" }] });
  actors.admin = await actor({ roles: [{ role: "admin" }] });
  await addSchoolFormat(t.db, schoolId, SCHOOL_FORMAT);

  const engine = new DialogEngine({ db: t.db, flows: FLOWS, clock: () => NOW });
  const start = (pupilId: string, formatKey: string, formatVersion: number) =>
    engine.start(actors.teacher, CONVERSATION, { pupilId, groupId: null, conversationId: null, formatKey, formatVersion });
  // Ayşe: the kindplan, with what her teacher does to help.
  await walkToEnd(engine, actors.teacher, await start(pupil.ayse, "kindplan", 2), TODAY, { goal1help: { helpTeacher: AYSE_HELP } });
  // Łukasz: the school's format; the unmarked field says nothing for the groepsplan.
  await walkToEnd(engine, actors.teacher, await start(pupil.lukasz, "hulpgesprek", 1), TODAY, {
    s_watHelpt: { helps: "extra tijd bij rekenen", ways: ["quiet", "buddy"], other: "NIET-IN-DE-LIJST" },
  });
  // Finn: last year's, an older and a newer kindplan this year, and one still planned.
  const held = async (heldAt: string, helpTeacher: string, status = "held") => {
    const c = await t.db.conversation.create({
      data: {
        schoolId,
        pupilId: pupil.finn,
        groupId: groep5,
        formatKey: "kindplan",
        formatVersion: 2,
        status,
        heldAt: new Date(heldAt),
        createdById: actors.teacher.staffId,
      },
    });
    await t.db.goal.create({ data: { pupilId: pupil.finn, conversationId: c.id, goalText: "tafels", helpTeacher, createdById: actors.teacher.staffId } });
  };
  await held("2026-06-20T10:00:00Z", "VORIG-SCHOOLJAAR");
  await held("2026-10-01T10:00:00Z", "OUDER-extra uitleg");
  await held("2026-11-10T10:00:00Z", "door het voor te doen");
  await held("2026-11-20T10:00:00Z", "NOG-NIET-GEVOERD", "planned");
});
afterAll(async () => t?.destroy());

const build = (who: Actor) => buildGroupNeeds(t.db, who, groep5, NOW);

describe(`onderwijsbehoeften for the groepsplan on ${testProvider()}`, () => {
  it("lists a statement for every marked field and the kindplan's help, with the conversation it came from", async () => {
    const data = await build(actors.teacher);
    expect(data.rows.map((r) => [r.pupilName, r.statement, r.formatName.nl, r.heldOn])).toEqual([
      ["Ayşe Yılmaz", `Ayşe: ${AYSE_HELP}`, "Kindplan", TODAY],
      ["Finn T.", "Finn heeft nodig dat de leerkracht helpt door het voor te doen.", "Kindplan", "2026-11-10"],
      ["Łukasz Wiśniewski", "Łukasz heeft extra tijd bij rekenen nodig.", "Hulpgesprek", TODAY],
      ["Łukasz Wiśniewski", "Łukasz heeft een rustige plek nodig.", "Hulpgesprek", TODAY],
      ["Łukasz Wiśniewski", "Łukasz heeft een maatje nodig.", "Hulpgesprek", TODAY],
    ]);
    expect(data.without).toEqual(["Noor T."]);
    expect(data.since).toBe("2026-08-01");
  });

  it("keeps only the newest statement per pupil and source, from this school year's held conversations", async () => {
    const all = JSON.stringify(await build(actors.teacher));
    for (const left of ["VORIG-SCHOOLJAAR", "OUDER-extra uitleg", "NOG-NIET-GEVOERD", "NIET-IN-DE-LIJST"]) expect(all).not.toContain(left);
  });

  it("writes the CSV so Excel reads every row back: BOM, `;`, Unicode names and an answer's `;`, quotes and line break intact", async () => {
    const data = await build(actors.teacher);
    const csv = needsCsv(data, "nl");
    const bytes = Buffer.from(csv, "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, delimiter: ";" }) as string[][];
    expect(rows[0]).toEqual(["Leerling", "Onderwijsbehoefte", "Uit gesprek", "Datum"]);
    expect(rows.slice(1)).toEqual(data.rows.map((r) => [r.pupilName, r.statement, r.formatName.nl, r.heldOn]));
    expect(rows[1]![1]).toBe(`Ayşe: ${AYSE_HELP}`);
    expect(rows.flat()).toContain("Łukasz Wiśniewski");
  });

  it("never lets a cell run as a formula in Excel", async () => {
    const data = await build(actors.teacher);
    const csv = needsCsv({ ...data, rows: [{ ...data.rows[0]!, pupilName: "=HYPERLINK(1)", statement: "+31 6" }] }, "nl");
    const [, row] = parse(csv, { bom: true, delimiter: ";" }) as string[][];
    expect(row!.slice(0, 2)).toEqual(["'=HYPERLINK(1)", "'+31 6"]);
  });

  it("prints the same list on the page and in the PDF, names as written, and names the pupils without a statement", async () => {
    const data = await build(actors.teacher);
    const [html, pdf] = await printableAttachments(needsPrintable(data, "nl"), "onderwijsbehoeften");
    const pdfWords = squash(pdfText(Buffer.from(pdf!.content, "base64")));
    for (const text of [htmlText(html!.content), pdfWords]) {
      expect(text).toContain("Onderwijsbehoeften groep 5");
      expect(text).toContain("Ayşe Yılmaz");
      expect(text).toContain("Łukasz heeft een rustige plek nodig.");
      expect(text).toContain("Finn heeft nodig dat de leerkracht helpt door het voor te doen.");
      expect(text).toContain("Kindplan, 10 november 2026");
      expect(text).toContain(squash(`Ayşe: ${AYSE_HELP}`));
      expect(text).toContain("1 leerling nog zonder onderwijsbehoefte");
      expect(text).toContain("Noor T.");
    }
  });

  it("builds the statements in the teacher's own language", async () => {
    const english = { ...actors.teacher, locale: "en" as const };
    const data = await build(english);
    expect(data.rows.map((r) => r.statement)).toContain("Łukasz needs a quiet place.");
    expect(data.rows.map((r) => r.formatName.en)).toContain("Help conversation");
    expect(needsCsv(data, "en").split("\r\n")[0]).toBe("\uFEFFPupil;Educational need;From conversation;Date");
  });

  it("gives the list to the group's teachers and a content reader, audited by ids only", async () => {
    for (const who of [actors.teacher, actors.duo, actors.reader]) {
      const before = new Date();
      const data = await build(who);
      expect(data.rows.length).toBe(5);
      const audit = await t.db.auditEvent.findMany({ where: { actorStaffId: who.staffId, at: { gte: before } } });
      expect(audit.map((a) => [a.action, a.entity, a.entityId])).toContainEqual(["export", "educational_needs", groep5]);
      expect(new Set(audit.filter((a) => a.pupilId).map((a) => a.pupilId))).toEqual(new Set([pupil.ayse, pupil.finn, pupil.lukasz]));
      expect(JSON.stringify(audit)).not.toMatch(/Ayşe|rustige|leerkracht/);
    }
  });

  it("refuses a team leader, a teacher of another group, the IB'er and the admin, and records the refusal", async () => {
    for (const who of [actors.teamLeader, actors.otherTeacher, actors.ib, actors.admin]) {
      const error = await build(who).then(
        () => null,
        (e: unknown) => toAppError(e),
      );
      expect(error?.code).toBe(ErrorCode.Forbidden);
      const refused = await t.db.auditEvent.findFirst({ where: { actorStaffId: who.staffId, action: "refused", entity: "educational_needs" } });
      expect(refused?.entityId).toBe(groep5);
      expect(await t.db.auditEvent.count({ where: { actorStaffId: who.staffId, action: "export" } })).toBe(0);
    }
  });

  it("finds the teacher's own groups without a name, and a group by its name (an exact name first)", async () => {
    expect((await findNeedsGroups(t.db, actors.teacher, "")).map((g) => g.id)).toEqual([groep5]);
    expect((await findNeedsGroups(t.db, actors.teamLeader, "")).length).toBe(0);
    expect((await findNeedsGroups(t.db, actors.reader, "Groep 5")).map((g) => g.id)).toEqual([groep5]);
    expect((await findNeedsGroups(t.db, actors.teacher, "groep")).length).toBe(2);
  });
});

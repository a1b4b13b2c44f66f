// The printout as the running service makes it, on the target build (GW_TEST_TARGET=dist runs the
// production build, npm run test:dist includes this file): the build must carry the embedded font,
// so a name in Latin Extended and Vietnamese reaches the PDF intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelUser } from "../../bot/channel/types.js";
import { applySchoolSetup } from "../../bot/roster/index.js";
import { startTestApp, type TestApp } from "../support/app.js";
import { testTarget } from "../support/target.js";
import { pdfText } from "../support/pdf-text.js";
import { htmlText, squash } from "./printed-text.js";

const EMAIL = "juf.printout@school.example";
const teacher: ChannelUser = { channel: "local", externalId: EMAIL, email: EMAIL };
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const setup = await applySchoolSetup(app.database.db, {
    school: { name: "Basisschool Đông Á" },
    schoolYear: "2026-2027",
    staff: [{ email: EMAIL, name: "Juf Printout", roles: ["teacher"] }],
    groups: [{ name: "groep 1/2", teachers: [{ email: EMAIL }] }],
  });
  const db = app.database.db;
  const group = await db.group.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const staff = await db.staff.findFirstOrThrow({ where: { schoolId: setup.schoolId } });
  const pupil = await db.pupil.create({ data: { schoolId: setup.schoolId, groupId: group.id, externalId: "p1", firstName: "Thiện", lastName: "Nguyễn" } });
  await db.note.create({ data: { pupilId: pupil.id, authorId: staff.id, text: "Thiện speelt met Ayşe Yılmaz en Łukasz Wiśniewski", shareWithParents: true } });
  await db.note.create({ data: { pupilId: pupil.id, authorId: staff.id, text: "PRIVE-notitie" } });
});
afterAll(async () => app?.stop());

describe(`the kindplan printout from the ${testTarget()} build`, () => {
  it("offers an HTML page and a PDF with every name as written and nothing unshared", async () => {
    const result = await app.core.handleTurn({ user: teacher, text: "export Thiện" });
    const files = result.replies.flatMap((r) => r.attachments ?? []);
    const html = files.find((f) => f.contentType === "text/html");
    const pdf = files.find((f) => f.contentType === "application/pdf");
    expect(html && pdf).toBeTruthy();
    for (const printed of [htmlText(html!.content), squash(pdfText(Buffer.from(pdf!.content, "base64")))]) {
      expect(printed).toContain("Kindplan — Thiện Nguyễn");
      expect(printed).toContain("Basisschool Đông Á");
      expect(printed).toContain("Thiện speelt met Ayşe Yılmaz en Łukasz Wiśniewski");
      expect(printed).not.toContain("PRIVE");
    }
  });
});

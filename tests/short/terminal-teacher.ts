// A middenbouw teacher at a school of their own (with their own pupil Otis), typing in a terminal
// chat over the real core: one line per message, as a terminal sends it, and every message counted.
import { PassThrough } from "node:stream";
import { expect } from "vitest";
import pino from "pino";
import { createCore } from "../../app/core.js";
import { TerminalChat } from "../../adapters/local/terminal-chat.js";
import type { Db } from "../../bot/db/client.js";
import { makeGroup, makePupil, makeSchool, makeStaff } from "../support/fixtures.js";

export async function middenbouwTeacher(db: Db, locale: "nl" | "en" = "nl") {
  const school = await makeSchool(db);
  const group = await makeGroup(db, school.id, "groep 4", "middenbouw");
  const pupil = await makePupil(db, school.id, group.id, "Otis");
  const teacher = await makeStaff(db, school.id, { groups: [group.id] });
  if (locale !== "nl") await db.staff.update({ where: { id: teacher.id }, data: { locale } });
  const core = createCore({ db, logger: pino({ level: process.env.GW_DEBUG ? "error" : "silent" }), defaultLocale: "nl" });
  const chat = new TerminalChat({
    core,
    user: { channel: "local", externalId: teacher.email, email: teacher.email },
    input: new PassThrough(),
    output: new PassThrough(),
  });
  const sent: string[] = [];
  const say = async (text: string) => {
    expect(text).not.toContain("\n");
    sent.push(text);
    const out = await chat.send(text);
    if (process.env.GW_DEBUG) console.log(`>>> ${text}\n${out}`);
    return out;
  };
  return { say, sent, pupilId: pupil.id, schoolId: school.id, teacherId: teacher.id };
}

// Reading the admin's typed words: e-mail, name and roles; a group command's parts; weekdays in
// Dutch and English. Pure functions; the database side is admin-staff.test.ts.
import { describe, expect, it } from "vitest";
import { parseAddStaff, parseGroupCommand } from "../../bot/chat/commands/admin-args.js";
import { parseTypedCommand } from "../../bot/chat/commands/parse.js";
import { parseWeekdayList } from "../../bot/domain/weekday-words.js";

describe("admin command words", () => {
  it("reads an e-mail, a name and optional roles; a surname 'Rol' stays a name", () => {
    expect(parseAddStaff("a@b.nl Anna de Vries")).toEqual({ email: "a@b.nl", name: "Anna de Vries" });
    expect(parseAddStaff("a@b.nl Jan Rol")).toEqual({ email: "a@b.nl", name: "Jan Rol" });
    expect(parseAddStaff("a@b.nl Jan Rol rol IB'er")).toEqual({ email: "a@b.nl", name: "Jan Rol", roles: ["ib"], leads: [] });
    expect(parseAddStaff("a@b.nl Tim role teamleider,leerkracht onderbouw middenbouw")).toEqual({
      email: "a@b.nl",
      name: "Tim",
      roles: ["team_leader", "teacher"],
      leads: ["onderbouw", "middenbouw"],
    });
    expect(parseAddStaff("a@b.nl Tim rol conciërge")).toEqual({ unknownRole: "conciërge" });
    expect(parseAddStaff("a@b.nl")).toEqual({ usage: true });
  });

  it("takes a group command apart: the name is everything before the keyword", () => {
    expect(parseGroupCommand("4/5")).toEqual({ show: "4/5" });
    expect(parseGroupCommand("groep 1/2 b leerkracht a@b.nl dagen ma, di")).toEqual({ link: "groep 1/2 b", email: "a@b.nl", days: "ma, di" });
    expect(parseGroupCommand("5 teacher a@b.nl mon-wed")).toEqual({ link: "5", email: "a@b.nl", days: "mon-wed" });
    expect(parseGroupCommand("5 leerkracht a@b.nl")).toEqual({ link: "5", email: "a@b.nl" });
    expect(parseGroupCommand("5 leerkracht weg a@b.nl")).toEqual({ unlink: "5", email: "a@b.nl" });
    expect(parseGroupCommand("5 format hgw-kindgesprek")).toEqual({ format: "5", key: "hgw-kindgesprek" });
    expect(parseGroupCommand("5 format")).toEqual({ usage: true });
    expect(parseGroupCommand("5 leerkracht a@b.nl dagen")).toEqual({ usage: true });
    expect(parseGroupCommand("leerkracht a@b.nl")).toEqual({ usage: true });
  });

  it("does not take other commands' words: groepsgesprek, mijn groep, group overview stay theirs", () => {
    const id = (text: string) => parseTypedCommand(text)?.spec.id;
    expect([id("groep"), id("group"), id("groep 5"), id("group 5 format x")]).toEqual(["myGroup", "myGroup", "group", "group"]);
    expect([id("groepsgesprek"), id("groepsgesprek 5"), id("group conversation 5"), id("group overview")]).toEqual([
      "groupConversation",
      "groupConversation",
      "groupConversation",
      "overview",
    ]);
    expect([id("medewerkers"), id("staff"), id("medewerker toevoegen a@b.nl A"), id("deactivate staff a@b.nl")]).toEqual([
      "staffList",
      "staffList",
      "addStaff",
      "deactivateStaff",
    ]);
  });

  it("reads weekdays in Dutch and English, lists and ranges, and names what it cannot read", () => {
    expect(parseWeekdayList("ma,di")).toEqual({ days: [1, 2] });
    expect(parseWeekdayList("vr wo en Ma")).toEqual({ days: [1, 3, 5] });
    expect(parseWeekdayList("ma-wo, vrijdag")).toEqual({ days: [1, 2, 3, 5] });
    expect(parseWeekdayList("Monday, tue., thu")).toEqual({ days: [1, 2, 4] });
    expect(parseWeekdayList("ma,xx")).toEqual({ unknown: "xx" });
    expect(parseWeekdayList("wo-ma")).toEqual({ unknown: "wo-ma" });
    expect(parseWeekdayList("ma,ma-di")).toEqual({ twice: "ma-di" });
    expect(parseWeekdayList(" ")).toEqual({ unknown: "" });
  });
});

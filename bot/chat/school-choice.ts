// A person with staff records at several served schools who has not chosen one yet: every turn
// asks which school, until she answers with `school <naam>` or a school's button; the choice is
// then remembered for her channel identity, and the next turn acts for that school.
import type { Db } from "../db/client.js";
import type { InboundTurn } from "../channel/types.js";
import type { Translator } from "../i18n/translate.js";
import type { StaffSchool } from "../auth/person-schools.js";
import { parseAction, parseTypedCommand } from "./commands/parse.js";
import { chooseSchoolReply, schoolsNamed } from "./commands/school-commands.js";
import { linkIdentity, type IdentityCache } from "./identity.js";
import type { Routed } from "./route-turn.js";

export async function chooseSchoolTurn(db: Db, turn: InboundTurn, options: StaffSchool[], t: Translator, cache: IdentityCache): Promise<Routed> {
  const parsed = turn.action ? parseAction(turn.action) : parseTypedCommand(turn.text);
  const named = parsed?.spec.id === "school" ? schoolsNamed(options, parsed.input) : [];
  if (named.length === 1 && (parsed!.input.text.trim() || parsed!.input.args.schoolId)) {
    await linkIdentity(db, turn.user, named[0]!.staffId, cache);
    return { route: "school.chosen", replies: [{ text: t("school.switched", { school: named[0]!.schoolName }) }], changed: true, inDialog: false };
  }
  return { route: "school.choose", replies: [chooseSchoolReply(t, named.length > 1 ? named : options)], changed: false, inDialog: false };
}

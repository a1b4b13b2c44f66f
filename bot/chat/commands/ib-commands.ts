// "ib toewijzen <leerling> [aan <e-mail>]" and "ib intrekken <leerling> [van <e-mail>]": which pupils
// an IB'er supports, changed in the chat (bot/roster/ib-assignments.ts decides, stores and audits).
import type { BotReply } from "../../channel/types.js";
import { buttonFor } from "../../domain/actions.js";
import { changeSupport, type SupportRequest } from "../../roster/ib-assignments.js";
import type { CommandContext, CommandInput } from "./context.js";

/** A trailing e-mail address names the IB'er: "Finn aan ib@school.nl", "Finn to ib@school.nl". */
const TRAILING_EMAIL = /\s+(?:(?:aan|van|voor|to|from|for)\s+)?(\S+@\S+)\s*$/i;

export function parseSupportText(text: string): { pupil: string; email: string | null } {
  const m = TRAILING_EMAIL.exec(text.trim());
  return m ? { pupil: text.trim().slice(0, m.index).trim(), email: m[1]! } : { pupil: text.trim(), email: null };
}

export async function supportCommand(ctx: CommandContext, input: CommandInput, remove: boolean): Promise<BotReply[]> {
  const { t } = ctx;
  const usage = remove ? t("ib.unassignUsage") : t("ib.assignUsage");
  let request: SupportRequest;
  if (input.args.pupilId && input.args.ibStaffId) {
    request = { pupil: { id: input.args.pupilId }, ib: { id: input.args.ibStaffId }, remove };
  } else {
    const typed = parseSupportText(input.text);
    if (!typed.pupil) {
      // The right comes first: the usage is for those who may use it.
      const allowed = ctx.actor.roles.has("admin") || ctx.actor.roles.has("ib");
      return [{ text: allowed ? usage : t("ib.notAllowed") }];
    }
    request = { pupil: { name: typed.pupil }, ib: typed.email ? { email: typed.email } : null, remove };
  }
  const result = await changeSupport(ctx.db, ctx.actor, request);
  if ("problem" in result) {
    switch (result.problem) {
      case "notAllowed":
        return [{ text: t("ib.notAllowed") }];
      case "unknownStaff":
        return [{ text: t("admin.unknownStaff", { email: result.email }) }];
      case "notIb":
        return [{ text: t("ib.notIb", { name: result.name }) }];
      case "noPupil":
        return [{ text: t("ib.noPupil") }];
      case "choosePupil": {
        const command = remove ? "ibUnassign" : "ibAssign";
        const actions = result.pupils
          .slice(0, 10)
          .map((p) =>
            buttonFor(`${p.firstName} ${p.lastName}${p.groupName ? ` (${p.groupName})` : ""}`, command, { pupilId: p.id, ibStaffId: result.ibStaffId }),
          );
        return [{ text: t("choose.pupil"), actions }];
      }
    }
  }
  const vars = { pupil: `${result.pupil.firstName} ${result.pupil.lastName}`, ib: result.ib.name };
  const key = { assigned: "ib.assigned", alreadyAssigned: "ib.alreadyAssigned", removed: "ib.removed", notAssigned: "ib.notAssigned" } as const;
  return [{ text: t(key[result.outcome], vars) }];
}

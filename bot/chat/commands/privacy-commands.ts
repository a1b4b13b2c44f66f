// Privacy requests in the chat, for the school admin and the privacy officer: the access export
// of a pupil (JSON, HTML, PDF as links) and the pupil's audit trail. A pupil is named by the
// administration's id, never by a name search: these commands reach every pupil of the school.
// Erasure is deliberately not a chat command: it runs on the server and prints a receipt.
import { z } from "zod";
import { canHandlePrivacyRequests } from "../../auth/policy.js";
import { recordAudit } from "../../audit.js";
import { exportPupilData } from "../../privacy/export.js";
import { readPupilAuditTrail } from "../../privacy/audit-trail.js";
import { findPupilByExternalId } from "../../privacy/pupil-data.js";
import type { BotReply } from "../../channel/types.js";
import type { CommandContext } from "./context.js";

const AUDIT_LINES_IN_CHAT = 25;
const ExternalId = z.string().trim().min(1).max(64).regex(/^\S+$/);

type Resolved = { pupilId: string; externalId: string } | { reply: BotReply };
type Request = "access_export" | "audit_trail" | "erasure";

/** How each request is typed, for the example in "which pupil?". */
const TYPED: Record<Request, Record<"nl" | "en", string>> = {
  access_export: { nl: "leerling-export", en: "pupil-export" },
  audit_trail: { nl: "audit", en: "audit" },
  erasure: { nl: "leerling-wissen", en: "pupil-erase" },
};

/** The caller's right first (a refusal is recorded), then the pupil of their own school. */
async function resolve(ctx: CommandContext, argument: string, command: Request): Promise<Resolved> {
  const { db, actor, t } = ctx;
  const parsed = ExternalId.safeParse(argument);
  if (!canHandlePrivacyRequests(actor, actor.schoolId)) {
    // In the named pupil's audit trail too (as the CLI records it); the reply is the same whether
    // the pupil exists or not, so a refusal tells nothing about who is on the roll.
    const named = parsed.success ? await findPupilByExternalId(db, { schoolId: actor.schoolId, externalId: parsed.data }) : null;
    const about = named ? { entityId: named.id, pupilId: named.id } : {};
    await recordAudit(db, { schoolId: actor.schoolId, actorStaffId: actor.staffId, action: "refused", entity: command, ...about });
    return { reply: { text: t("privacy.notAllowed") } };
  }
  if (!parsed.success) return { reply: { text: t("privacy.askPupil", { command: TYPED[command][actor.locale] }) } };
  const pupil = await findPupilByExternalId(db, { schoolId: actor.schoolId, externalId: parsed.data });
  if (!pupil) return { reply: { text: t("privacy.noPupil", { id: parsed.data }) } };
  return { pupilId: pupil.id, externalId: pupil.externalId };
}

export async function pupilExportCommand(ctx: CommandContext, argument: string): Promise<BotReply[]> {
  const r = await resolve(ctx, argument, "access_export");
  if ("reply" in r) return [r.reply];
  const files = await exportPupilData(ctx.db, { schoolId: ctx.actor.schoolId, pupilId: r.pupilId, actorStaffId: ctx.actor.staffId, now: ctx.now() });
  const base = `inzage-${r.externalId.replace(/[^\w.-]/g, "_")}`;
  const count = Object.values(files.counts).reduce((a, b) => a + b, 0);
  return [
    {
      text: ctx.t("privacy.exportReady", { id: r.externalId, count }),
      attachments: [
        { filename: `${base}.html`, contentType: "text/html", content: files.html, pupilId: r.pupilId },
        { filename: `${base}.pdf`, contentType: "application/pdf", content: files.pdf.toString("base64"), pupilId: r.pupilId },
        { filename: `${base}.json`, contentType: "application/json", content: files.json, pupilId: r.pupilId },
      ],
    },
  ];
}

export async function auditTrailCommand(ctx: CommandContext, argument: string): Promise<BotReply[]> {
  const r = await resolve(ctx, argument, "audit_trail");
  if ("reply" in r) return [r.reply];
  const lines = await readPupilAuditTrail(ctx.db, { schoolId: ctx.actor.schoolId, pupilId: r.pupilId, actorStaffId: ctx.actor.staffId });
  if (lines.length === 0) return [{ text: ctx.t("privacy.auditEmpty", { id: r.externalId }) }];
  const shown = lines.slice(0, AUDIT_LINES_IN_CHAT).map((l) =>
    ctx.t("privacy.auditLine", {
      at: l.at.toISOString().slice(0, 16).replace("T", " "),
      who: l.actorName ?? (l.actorStaffId ? "?" : "systeem"),
      action: l.action,
      entity: l.entity,
    }),
  );
  const more = lines.length > AUDIT_LINES_IN_CHAT ? [ctx.t("privacy.auditMore", { count: lines.length - AUDIT_LINES_IN_CHAT, id: r.externalId })] : [];
  return [{ text: [ctx.t("privacy.auditHeader", { id: r.externalId, count: lines.length }), ...shown, ...more].join("\n") }];
}

export async function pupilEraseCommand(ctx: CommandContext, argument: string): Promise<BotReply[]> {
  const r = await resolve(ctx, argument, "erasure");
  if ("reply" in r) return [r.reply];
  return [{ text: ctx.t("privacy.eraseViaCli", { id: r.externalId }) }];
}

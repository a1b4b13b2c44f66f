// The operator's privacy commands (docs/privacy.md). Kept apart from main.ts so that the other
// command groups can grow without conflicts:
//   npm run cli -- pupil-export --school "<name or id>" --pupil <administration id> --out <folder> [--by <staff e-mail>]
//   npm run cli -- pupil-erase  --school "<name or id>" --pupil <administration id> [--yes] [--by <staff e-mail>]
//   npm run cli -- retention [--school "<name or id>"] [--dry-run]
//   npm run cli -- audit --school "<name or id>" --pupil <administration id> [--by <staff e-mail>]
//   npm run cli -- erasures [--school "<name or id>"]
// Output holds pupil ids, counts and dates; the export files hold the pupil's data, by design, and
// are readable by their owner only.
import { accessSync, constants, rmSync, statSync, writeFileSync } from "node:fs";
import { makeFolders } from "../files/make-folders.js";
import path from "node:path";
import { parseOptions } from "./parse-options.js";
import { z } from "zod";
import type { Db } from "../db/client.js";
import { findSchool } from "../roster/index.js";
import { exportPupilData } from "../privacy/export.js";
import { erasePupil, formatReceipt, planErasure } from "../privacy/erase.js";
import { findPupilByExternalId } from "../privacy/pupil-data.js";
import { formatRetention, runRetention } from "../privacy/retention.js";
import { formatHousekeeping, runHousekeeping } from "../ops/housekeeping.js";
import { readPupilAuditTrail } from "../privacy/audit-trail.js";
import { loadActor } from "../auth/actor.js";
import { canHandlePrivacyRequests } from "../auth/policy.js";
import { recordAudit } from "../audit.js";
import { counted } from "../text/text.js";

export const PRIVACY_COMMANDS = ["pupil-export", "pupil-erase", "retention", "audit", "erasures"] as const;
export type PrivacyCommand = (typeof PRIVACY_COMMANDS)[number];

export const PRIVACY_USAGE = `  npm run cli -- pupil-export --school "<school name or id>" --pupil <administration id> --out <folder> [--by <e-mail>]
  npm run cli -- pupil-erase --school "<school name or id>" --pupil <administration id> [--yes] [--by <e-mail>]   (without --yes: a dry run)
  npm run cli -- retention [--school "<school name or id>"] [--dry-run]   (also the housekeeping: old outbox rows, finished dialogs, ended rounds)
  npm run cli -- audit --school "<school name or id>" --pupil <administration id> [--by <e-mail>]
  npm run cli -- erasures [--school "<school name or id>"]   (the erasure receipts, oldest first: ids, dates, counts)
  --by: the admin or privacy officer of the school who asked; the audit trail names them (without it: "system").`;

export function isPrivacyCommand(command: string | undefined): command is PrivacyCommand {
  return (PRIVACY_COMMANDS as readonly string[]).includes(command ?? "");
}

const Options = z.object({
  school: z.string().trim().min(1).optional(),
  pupil: z.string().trim().min(1).max(64).optional(),
  out: z.string().trim().min(1).optional(),
  yes: z.boolean().optional(),
  "dry-run": z.boolean().optional(),
  by: z.string().trim().toLowerCase().pipe(z.email()).optional(),
});

export class PrivacyUsageError extends Error {}

/** What each command reads or changes, as its audit rows name it (a refusal too). */
const AUDITED_AS: Record<"pupil-export" | "pupil-erase" | "audit", string> = {
  "pupil-export": "access_export",
  "pupil-erase": "erasure_receipt",
  audit: "audit_trail",
};

/**
 * The staff id `--by` names: an active admin or privacy officer of the school (null when no one is
 * named). Undefined, with the reason told, when the person may not handle privacy requests there.
 */
async function requester(
  db: Db,
  request: { school: { id: string; name: string }; pupilId: string; command: keyof typeof AUDITED_AS },
  by: string | undefined,
  err: (line: string) => void,
): Promise<string | null | undefined> {
  if (!by) return null;
  const { school, pupilId, command } = request;
  const staff = await db.staff.findFirst({ where: { schoolId: school.id, email: by }, select: { id: true, active: true } });
  const actor = staff?.active ? await loadActor(db, staff.id) : null;
  if (actor && canHandlePrivacyRequests(actor, school.id)) return actor.staffId;
  // Refused as in the chat: a row in the pupil's audit trail, naming who asked when they are staff.
  await recordAudit(db, { schoolId: school.id, actorStaffId: staff?.id ?? null, action: "refused", entity: AUDITED_AS[command], entityId: pupilId, pupilId });
  err(`${by} is not an active admin or privacy officer of ${school.name}; nothing was done.`);
  return undefined;
}

/** The options each command takes: another one is a mistake, not silently ignored (`retention --pupil` ran for the whole school). */
const OPTIONS_OF: Record<PrivacyCommand, readonly string[]> = {
  "pupil-export": ["school", "pupil", "out", "by"],
  "pupil-erase": ["school", "pupil", "yes", "dry-run", "by"],
  audit: ["school", "pupil", "by"],
  retention: ["school", "dry-run"],
  erasures: ["school"],
};

/** The export's folder, made before anything is read or audited; a message when it cannot be. */
function exportFolder(folder: string): string | null {
  try {
    makeFolders(folder, 0o700);
    if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
    accessSync(folder, constants.W_OK | constants.X_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") return `${folder} is (or lies inside) a file, not a folder`;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") return `no permission to write in ${folder}`;
    return `cannot make the folder ${folder} (${code ?? "error"})`;
  }
}

/**
 * Written for its owner only, as a new file: the mode applies only when a file is created, so an
 * earlier export of the same pupil is replaced rather than written into.
 */
function writePrivateFile(file: string, data: string | Uint8Array): void {
  rmSync(file, { force: true });
  writeFileSync(file, data, { mode: 0o600, flag: "wx" });
}

/** Exit code; writes its report to `out` and problems to `err`. */
export async function runPrivacyCommand(
  db: Db,
  command: PrivacyCommand,
  args: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
  now = new Date(),
): Promise<number> {
  let raw;
  try {
    raw = parseOptions({
      args,
      allowPositionals: false,
      options: {
        school: { type: "string" },
        pupil: { type: "string" },
        out: { type: "string" },
        yes: { type: "boolean" },
        "dry-run": { type: "boolean" },
        by: { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new PrivacyUsageError((error as Error).message);
  }
  const extra = Object.keys(raw).filter((name) => !OPTIONS_OF[command].includes(name));
  if (extra.length) throw new PrivacyUsageError(`${command} does not take ${extra.map((name) => `--${name}`).join(", ")}`);
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new PrivacyUsageError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  const o = parsed.data;

  const school = o.school ? await findSchool(db, o.school) : null;
  if (o.school && !school) {
    io.err(`No school named or with id "${o.school}".`);
    return 1;
  }
  if (command === "erasures") {
    const receipts = await db.erasureReceipt.findMany({ where: school ? { schoolId: school.id } : {}, orderBy: { erasedAt: "asc" } });
    io.out(`${counted(receipts.length, { one: "erasure receipt", other: "erasure receipts" })}${school ? ` at ${school.name}` : ""}, oldest first`);
    for (const r of receipts) {
      const rows = Object.values(JSON.parse(r.counts) as Record<string, number>).reduce((sum, n) => sum + n, 0);
      io.out(`  ${r.erasedAt.toISOString()}  ${r.id}  ${r.reason.padEnd(9)}  ${r.actorLabel.padEnd(9)}  ${rows} rows`);
    }
    return 0;
  }
  if (command === "retention") {
    const dryRun = o["dry-run"] ?? false;
    const results = await runRetention(db, { now, dryRun, ...(school ? { schoolId: school.id } : {}) });
    for (const line of formatRetention(results, dryRun)) io.out(line);
    const housekeeping = await runHousekeeping(db, { now, dryRun, ...(school ? { schoolId: school.id } : {}) });
    for (const line of formatHousekeeping(housekeeping, dryRun)) io.out(line);
    return 0;
  }
  if (!school) throw new PrivacyUsageError("--school is required");
  if (!o.pupil) throw new PrivacyUsageError("--pupil <administration id> is required");
  const pupil = await findPupilByExternalId(db, { schoolId: school.id, externalId: o.pupil });
  if (!pupil) {
    io.err(`No pupil with administration id "${o.pupil}" at ${school.name}.`);
    return 1;
  }
  // Who asked, when named: must be someone who may handle privacy requests at this school.
  if (command === "pupil-export" && !o.out) throw new PrivacyUsageError("--out <folder> is required");
  const actorStaffId = await requester(db, { school, pupilId: pupil.id, command }, o.by, io.err);
  if (actorStaffId === undefined) return 1;
  if (command === "pupil-export") {
    // The folder first: an export that cannot be written is neither made nor audited.
    const problem = exportFolder(o.out!);
    if (problem) {
      io.err(`${problem}; nothing was exported.`);
      return 1;
    }
    const files = await exportPupilData(db, { schoolId: school.id, pupilId: pupil.id, actorStaffId, now });
    const base = path.join(o.out!, `pupil-${o.pupil.replace(/[^\w.-]/g, "_")}`);
    writePrivateFile(`${base}.json`, files.json);
    writePrivateFile(`${base}.html`, files.html);
    writePrivateFile(`${base}.pdf`, files.pdf);
    io.out(`access export of pupil ${o.pupil} written: ${base}.json, ${base}.html, ${base}.pdf`);
    for (const [k, v] of Object.entries(files.counts)) io.out(`  ${k.padEnd(20)} ${v}`);
    return 0;
  }
  if (command === "pupil-erase") {
    // A dry run unless --yes, and always with --dry-run.
    if (!o.yes || o["dry-run"]) {
      io.out(`dry run: erasing pupil ${o.pupil} would remove (audit rows are kept without the pupil's identity):`);
      for (const [k, v] of Object.entries(await planErasure(db, pupil.id))) io.out(`  ${k.padEnd(20)} ${v}`);
      io.out("Nothing was changed. Add --yes to erase.");
      return 0;
    }
    const receipt = await erasePupil(db, { schoolId: school.id, pupilId: pupil.id, actorStaffId, actorLabel: "cli", reason: "request", now });
    io.out(`pupil ${o.pupil} erased. Keep this receipt id with the request:`);
    for (const line of formatReceipt(receipt)) io.out(line);
    return 0;
  }
  // audit
  const lines = await readPupilAuditTrail(db, { schoolId: school.id, pupilId: pupil.id, actorStaffId });
  io.out(`audit trail of pupil ${o.pupil}: ${counted(lines.length, { one: "entry", other: "entries" })}, newest first`);
  for (const l of lines)
    io.out(
      `  ${l.at.toISOString()}  ${(l.actorName ?? l.actorStaffId ?? "system").padEnd(28)}  ${l.action.padEnd(8)}  ${l.entity}${l.entityId ? ` ${l.entityId}` : ""}`,
    );
  return 0;
}

// The operator's command line (the school's IT person, on the server):
//   npm run db:migrate
//   npm run seed:demo
//   npm run school:setup -- <setup.json>
//   npm run roster:import -- --school "<name or id>" <export.csv | EDEX.XML> [--format csv|edexml] [--dry-run] [--school-year 2026-2027]
//   npm run format:add -- --school "<name or id>" <format.json>
//   npm run cli -- outbox-failures [--school "<name or id>"] [--unreported]
//   npm run cli -- rollover                       (next school year's staged roster, once its year began)
//   npm run cli -- pupil-export | pupil-erase | retention | audit   (bot/cli/privacy-cli.ts)
//   npm run cli -- closures propose | confirm | list  (bot/cli/closures-cli.ts)
//   npm run cli -- backup --out <file>            (while the bot runs)
//   npm run cli -- restore --from <file> [--force] (with the bot stopped)
// Reports print counts, line numbers and pupil ids — never names.
import { existsSync, readFileSync } from "node:fs";
import { parseOptions } from "./parse-options.js";
import { loadConfig } from "../config.js";
import { AppError, ConfigError } from "../errors.js";
import { openDatabase, providerOf, sqliteFilePath } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { seedDemoSchool } from "../roster/demo.js";
import {
  applyDueStagedRosters,
  applySchoolSetup,
  decodeRosterBytes,
  findSchool,
  importRoster,
  isValidSchoolYear,
  listStagedRosters,
  RosterFormat,
} from "../roster/index.js";
import { archiveEndedGroups } from "../roster/rollover.js";
import { addSchoolFormat } from "../formats/registry.js";
import { formatFailures, listFailures } from "../outbox/failures.js";
import { isPrivacyCommand, PRIVACY_USAGE, PrivacyUsageError, runPrivacyCommand } from "./privacy-cli.js";
import { BackupError, backupDatabase, restoreDatabase } from "../ops/backup.js";
import { CLOSURES_USAGE, ClosuresUsageError, runClosuresCommand } from "./closures-cli.js";
import { counted } from "../text/text.js";

const SCHOOLS = { one: "school", other: "schools" };

const USAGE = `usage:
  npm run db:migrate
  npm run seed:demo
  npm run school:setup -- <setup.json> [--dry-run]   (with --dry-run: what the file would change, nothing changed)
  npm run roster:import -- --school "<school name or id>" <export.csv | EDEX.XML> [--format csv|edexml] [--dry-run] [--school-year YYYY-YYYY]
  npm run format:add -- --school "<school name or id>" <format.json>
  npm run cli -- outbox-failures [--school "<school name or id>"] [--unreported]
  npm run cli -- rollover
  npm run cli -- backup --out <file>
  npm run cli -- restore --from <file> [--force]
${CLOSURES_USAGE}
${PRIVACY_USAGE}`;

class UsageError extends Error {}

/** The options each command (besides the privacy and closures commands) takes. */
const OPTIONS_OF: Record<string, readonly string[]> = {
  migrate: [],
  backup: ["out"],
  restore: ["from", "force"],
  "seed-demo": [],
  "school-setup": ["dry-run"],
  "roster-import": ["school", "dry-run", "school-year", "format"],
  "format-add": ["school"],
  "outbox-failures": ["school", "unreported"],
  rollover: [],
};

/** An unknown option or one without its value is a usage mistake (exit 2 with the usage), not a crash. */
function usageOf<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (String((error as NodeJS.ErrnoException).code ?? "").startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message);
    throw error;
  }
}

function readInput(file: string | undefined): string {
  return readBytes(file).toString("utf8");
}

function readBytes(file: string | undefined): Buffer {
  if (!file) throw new UsageError("missing file argument");
  try {
    return readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // Asking for the usage is not a mistake: it goes to stdout, with success.
  if (command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return 0;
  }
  if (isPrivacyCommand(command)) return runPrivacy(command, rest);
  if (command === "closures") return runClosures(rest);
  const { values, positionals } = usageOf(() =>
    parseOptions({
      args: rest,
      allowPositionals: true,
      options: {
        school: { type: "string" },
        "dry-run": { type: "boolean" },
        "school-year": { type: "string" },
        format: { type: "string" },
        unreported: { type: "boolean" },
        out: { type: "string" },
        from: { type: "string" },
        force: { type: "boolean" },
      },
    }),
  );
  // An option another command takes is a mistake here too, not silently ignored (`backup --force`).
  const allowed = OPTIONS_OF[command ?? ""];
  if (!allowed) throw new UsageError(`unknown command ${command ?? "(none)"}`);
  const extra = Object.keys(values).filter((name) => !allowed.includes(name));
  if (extra.length) throw new UsageError(`${command} does not take ${extra.map((name) => `--${name}`).join(", ")}`);
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env file.
  }
  const config = loadConfig();
  if (command === "migrate") {
    const result = await migrateDatabase(config.DATABASE_URL);
    console.log(
      `${config.databaseProvider}: ${counted(result.applied.length, { one: "migration", other: "migrations" })} applied, ${result.alreadyApplied} already applied`,
    );
    for (const name of result.applied) console.log(`  applied ${name}`);
    for (const name of result.modified) console.warn(`  WARNING: ${name} changed after it was applied`);
    return 0;
  }
  // Before migrating: a backup copies the database as it is, and a restore replaces it.
  if (command === "backup") {
    if (!values.out) throw new UsageError("backup needs --out <file>");
    const report = await backupDatabase(config.DATABASE_URL, values.out);
    console.log(`${report.provider} backup written to ${report.file} (${report.bytes} bytes, ${counted(report.schools, SCHOOLS)})`);
    return 0;
  }
  if (command === "restore") {
    if (!values.from) throw new UsageError("restore needs --from <file>");
    const report = await restoreDatabase(config.DATABASE_URL, values.from, { force: values.force ?? false });
    console.log(`${report.provider} database restored (${counted(report.schools, SCHOOLS)}); start the bot to apply newer migrations`);
    if (report.previous) console.log(`  the database it replaced is kept at ${report.previous}`);
    if (report.undoneErasures === null) {
      console.log("WARNING: the erasure receipts of the database it replaced could not be read. A pupil erased after this backup");
      console.log("  was made is back: check the erasure requests since the backup's date and erase those pupils again (pupil-erase).");
    } else if (report.undoneErasures.length) {
      console.log(
        `WARNING: the database it replaced recorded ${counted(report.undoneErasures.length, { one: "erasure", other: "erasures" })} that this backup predates; those pupils are back:`,
      );
      for (const r of report.undoneErasures) console.log(`  receipt ${r.id}  erased ${r.erasedAt.toISOString()}  (${r.reason})`);
      console.log("  Erase them again now with pupil-erase (each request with its receipt id names the pupil); pupils erased by retention");
      console.log("  are erased again by the nightly retention job. Until then they are in the records.");
      if (report.receiptsCarriedOver)
        console.log(
          `  Their receipts are kept: the restored database holds them too (${counted(report.receiptsCarriedOver, { one: "receipt", other: "receipts" })}; see erasures).`,
        );
    }
    return 0;
  }
  if (command !== "seed-demo" && command !== "school-setup") requireExistingDatabase(config.DATABASE_URL);
  await migrateDatabase(config.DATABASE_URL);
  const { db, close } = await openDatabase(config.DATABASE_URL);
  try {
    if (command === "seed-demo") {
      const result = await seedDemoSchool(db);
      console.log(`demo school ready: ${result.staff} staff, ${result.pupils} pupils (school id ${result.schoolId})`);
      return 0;
    }
    if (command === "school-setup") {
      const dryRun = values["dry-run"] ?? false;
      const report = await applySchoolSetup(db, readInput(positionals[0]), { dryRun });
      if (dryRun) console.log("dry run: nothing was changed; applied, the file would do this:");
      console.log(JSON.stringify(report, null, 2));
      return 0;
    }
    if (command === "outbox-failures") {
      const school = values.school ? await findSchool(db, values.school) : null;
      if (values.school && !school) {
        console.error(`No school named or with id "${values.school}".`);
        return 1;
      }
      const failures = await listFailures(db, { ...(school ? { schoolId: school.id } : {}), unreportedOnly: values.unreported ?? false });
      for (const line of formatFailures(failures)) console.log(line);
      return 0;
    }
    if (command === "rollover") {
      // What the nightly job does on a school year's first day, now; and what still waits.
      const applied = (await applyDueStagedRosters(db, new Date())).map((r) => ("error" in r ? { ...r, error: String(r.error) } : r));
      const groupsArchived = await archiveEndedGroups(db, new Date());
      console.log(JSON.stringify({ applied, groupsArchived, waiting: await listStagedRosters(db) }, null, 2));
      return applied.every((r) => r.applied) ? 0 : 1;
    }
    if (!values.school) throw new UsageError("--school is required");
    if (command === "format-add") {
      const school = await findSchool(db, values.school);
      if (!school) {
        console.error(`No school named or with id "${values.school}".`);
        return 1;
      }
      let json: unknown;
      try {
        json = JSON.parse(readInput(positionals[0]));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        console.error(`${positionals[0]} is not valid JSON: ${(error as Error).message}`);
        return 1;
      }
      const added = await addSchoolFormat(db, school.id, json);
      console.log(`format ${added.key} version ${added.version} added for ${school.name}`);
      return 0;
    }
    // roster-import
    const schoolYear = values["school-year"];
    if (schoolYear !== undefined && !isValidSchoolYear(schoolYear)) throw new UsageError("--school-year must look like 2026-2027");
    const format = values.format === undefined ? undefined : RosterFormat.safeParse(values.format.toLowerCase()).data;
    if (values.format !== undefined && !format) throw new UsageError("--format must be csv or edexml (without it, the file's content decides)");
    const school = await findSchool(db, values.school);
    if (!school) {
      console.error(`No school named or with id "${values.school}". Create it first with npm run school:setup.`);
      return 1;
    }
    // The encoding is decided from the bytes (a dry run too); a conversion is reported.
    const decoded = decodeRosterBytes(readBytes(positionals[0]));
    if (decoded.notice) console.error(`note: ${decoded.notice}`);
    const report = await importRoster(db, {
      schoolId: school.id,
      csvText: decoded.text,
      ...(format ? { format } : {}),
      dryRun: values["dry-run"] ?? false,
      ...(schoolYear ? { schoolYear } : {}),
    });
    if (!report.ok) {
      console.error(`Import rejected: ${counted(report.errors.length, { one: "problem", other: "problems" })}; nothing was changed.`);
      for (const e of report.errors) console.error(`  line ${e.line}: ${e.reason}`);
      return 1;
    }
    console.log(JSON.stringify(report, null, 2));
    return 0;
  } finally {
    await close();
  }
}

/** The holiday commands parse their own options (bot/cli/closures-cli.ts). */
async function runClosures(args: string[]): Promise<number> {
  const db = await openCliDatabase();
  try {
    return await runClosuresCommand(db.db, args, { out: (l) => console.log(l), err: (l) => console.error(l) });
  } catch (error) {
    if (error instanceof ClosuresUsageError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

async function openCliDatabase() {
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env file.
  }
  const config = loadConfig();
  requireExistingDatabase(config.DATABASE_URL);
  await migrateDatabase(config.DATABASE_URL);
  return openDatabase(config.DATABASE_URL);
}

/**
 * A command about existing records refuses a SQLite file that is not there: opening it would make a
 * new, empty database, and "0 erasure receipts" from a mistyped DATABASE_URL reads as an answer.
 */
function requireExistingDatabase(url: string): void {
  if (providerOf(url) !== "sqlite") return;
  const file = sqliteFilePath(url);
  if (file !== ":memory:" && !existsSync(file))
    throw new ConfigError([`DATABASE_URL: no database at ${file}; check the path, or make a new one with npm run db:migrate`]);
}

/** The privacy commands parse their own options (bot/cli/privacy-cli.ts). */
async function runPrivacy(command: Parameters<typeof runPrivacyCommand>[1], args: string[]): Promise<number> {
  const { db, close } = await openCliDatabase();
  try {
    return await runPrivacyCommand(db, command, args, { out: (l) => console.log(l), err: (l) => console.error(l) });
  } catch (error) {
    if (error instanceof PrivacyUsageError) throw new UsageError(error.message);
    throw error;
  } finally {
    await close();
  }
}

// Output piped into a reader that stops early (`| head`): the rest is not written, and the command
// finishes with its own exit code, as other command-line tools do (no stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    stream.write = (() => true) as typeof stream.write;
  });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof BackupError) {
    console.error(`backup/restore: ${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 1;
  } else if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    if (Array.isArray(error.details)) for (const d of error.details) console.error(`  ${JSON.stringify(d)}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}

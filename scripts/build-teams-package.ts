// `npm run teams:package [-- --dev] [-- --out <dir>]`: builds appPackage/build/gesprekswijzer.zip, the
// Teams app package to upload in Teams or the Teams admin center. See docs/teams-setup.md.
//
// Reads (from the environment, or from .env when present):
//   MICROSOFT_APP_ID  the bot's Microsoft app id; required unless --dev
//   TEAMS_APP_ID      the Teams app id (default: a fixed id; never change it once the app is uploaded)
//   BOT_DOMAIN        optional host name for validDomains (default: the host of PUBLIC_BASE_URL, if set)
import { join } from "node:path";
import { parseArgs } from "node:util";
import { APP_PACKAGE_DIR, DEV_BOT_ID, TeamsPackageError, buildPackage } from "./teams-package.js";

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: { dev: { type: "boolean", default: false }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run teams:package [-- --dev] [-- --out <dir>]`);
    return 1;
  }
  if (values.help) {
    console.log("usage: npm run teams:package [-- --dev] [-- --out <dir>]\nSee docs/teams-setup.md.");
    return 0;
  }
  try {
    process.loadEnvFile(".env");
  } catch {
    // No .env file: the environment alone configures the build.
  }

  try {
    const result = buildPackage({
      outDir: values.out ?? join(APP_PACKAGE_DIR, "build"),
      env: process.env,
      dev: values.dev,
    });
    if (result.placeholderBotId) {
      console.error(`note: development package with the placeholder bot id ${DEV_BOT_ID}; it cannot reach a real bot.`);
    }
    console.log(result.zipPath);
    return 0;
  } catch (error) {
    if (error instanceof TeamsPackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();

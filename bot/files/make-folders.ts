// Making a folder and its missing parents, one level at a time. Node 20's recursive mkdirSync
// loops for ever under a parent that refuses new entries with ENOENT instead of EACCES (/proc:
// `--out /proc/x` hung the CLI); made level by level, that refusal is an error like any other.
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";

/** `mkdir -p` with `mode` for the folders it makes; an existing folder is left as it is. */
export function makeFolders(folder: string, mode?: number): void {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, mode === undefined ? {} : { mode });
    } catch (error) {
      // Made meanwhile by another process (the bot and a CLI starting together): that is fine.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || !statSync(dir).isDirectory()) throw error;
    }
  }
}

// Making a folder and its missing parents, one level at a time. Node 20's recursive mkdirSync
// loops for ever under a parent that refuses new entries with ENOENT instead of EACCES (/proc:
// `--out /proc/x` hung the CLI); made level by level, that refusal is an error like any other.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

/** `mkdir -p` with `mode` for the folders it makes; an existing folder is left as it is. */
export function makeFolders(folder: string, mode?: number): void {
  const missing: string[] = [];
  for (let dir = path.resolve(folder); !existsSync(dir); dir = path.dirname(dir)) {
    missing.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of missing) mkdirSync(dir, mode === undefined ? {} : { mode });
}

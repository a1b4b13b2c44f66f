// Command-line options, each at most once. node:util's parseArgs lets a repeated option's last
// value win without a word: `pupil-erase --pupil A --pupil B --yes` erased B.
import { parseArgs, type ParseArgsConfig } from "node:util";

/** parseArgs, refusing an option given twice (an error with an ERR_PARSE_ARGS code, as its own are). */
export function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const { tokens = [], ...parsed } = parseArgs({ ...config, tokens: true });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw Object.assign(new Error(`--${token.name} is given more than once`), { code: "ERR_PARSE_ARGS_REPEATED_OPTION" });
    seen.add(token.name);
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/**
 * Command-line coach: one question per stdin line (blank lines skipped), one JSON object per
 * stdout line: {"question": …, "flags": […], "suggestion": …}. Streams, so large inputs are fine.
 * Run with `npx tsx bot/coach/cli.ts`.
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import { coachQuestion } from "./coach-question.js";

async function main(): Promise<void> {
  // A closed pipe downstream (e.g. `| head`) is not an error for us.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/u, "").trim();
    if (line.length === 0) continue;
    let output: string;
    try {
      const { question, flags, suggestion } = coachQuestion(line);
      output = JSON.stringify({ question, flags, suggestion });
    } catch (err) {
      process.stderr.write(`coach: could not analyse ${JSON.stringify(line)}: ${String(err)}\n`);
      output = JSON.stringify({ question: line, flags: [], suggestion: null });
    }
    if (!process.stdout.write(output + "\n")) await once(process.stdout, "drain");
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    process.stderr.write(`coach: ${String(err)}\n`);
    process.exitCode = 1;
  },
);

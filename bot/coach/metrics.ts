/**
 * Precision / recall per flag and exact-match accuracy of the coach over a labelled set.
 * Convention: precision is 1 when the coach raised the flag nowhere (no false alarms), and
 * recall is 1 when the set contains no example of the flag (nothing to miss).
 */
import { z } from "zod";
import { coachQuestion } from "./coach-question.js";
import { FLAG_ORDER, type CoachResult, type Flag, type Language } from "./types.js";

export interface LabelledQuestion {
  question: string;
  flags: Flag[];
  language?: Language;
}

const labelledSchema = z.array(
  z.object({
    question: z.string().min(1),
    flags: z.array(z.enum(FLAG_ORDER as [Flag, ...Flag[]])),
    language: z.enum(["nl", "en"]).optional(),
  }),
);

/** Validates parsed JSON as a labelled set; throws with a readable message when it is not. */
export function parseLabelledSet(json: unknown): LabelledQuestion[] {
  return labelledSchema.parse(json);
}

export interface FlagMetrics {
  flag: Flag;
  tp: number;
  fp: number;
  fn: number;
  /** Number of questions labelled with this flag. */
  support: number;
  precision: number;
  recall: number;
}

export interface Mismatch {
  question: string;
  expected: Flag[];
  actual: Flag[];
}

export interface CoachMetrics {
  total: number;
  exactMatches: number;
  exactMatchAccuracy: number;
  perFlag: Record<Flag, FlagMetrics>;
  mismatches: Mismatch[];
}

type Coach = (text: string, lang?: Language) => Pick<CoachResult, "flags">;

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

export function computeMetrics(items: readonly LabelledQuestion[], coach: Coach = coachQuestion): CoachMetrics {
  const counts = new Map<Flag, { tp: number; fp: number; fn: number }>(FLAG_ORDER.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const mismatches: Mismatch[] = [];
  for (const item of items) {
    const actual = coach(item.question, item.language).flags;
    const expected = FLAG_ORDER.filter((f) => item.flags.includes(f));
    for (const flag of FLAG_ORDER) {
      const c = counts.get(flag);
      if (!c) continue;
      const predicted = actual.includes(flag);
      const labelled = expected.includes(flag);
      if (predicted && labelled) c.tp++;
      else if (predicted) c.fp++;
      else if (labelled) c.fn++;
    }
    if (actual.join(",") !== expected.join(",")) mismatches.push({ question: item.question, expected, actual: [...actual] });
  }
  const perFlag = {} as Record<Flag, FlagMetrics>;
  for (const flag of FLAG_ORDER) {
    const c = counts.get(flag) ?? { tp: 0, fp: 0, fn: 0 };
    perFlag[flag] = {
      flag,
      ...c,
      support: c.tp + c.fn,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
    };
  }
  const exactMatches = items.length - mismatches.length;
  return {
    total: items.length,
    exactMatches,
    exactMatchAccuracy: ratio(exactMatches, items.length),
    perFlag,
    mismatches,
  };
}

function pct(value: number): string {
  return value.toFixed(3);
}

/** A markdown table of precision/recall per flag plus the exact-match line. */
export function formatMetricsTable(metrics: CoachMetrics): string {
  const lines = ["| flag | support | TP | FP | FN | precision | recall |", "|------|--------:|---:|---:|---:|----------:|-------:|"];
  for (const flag of FLAG_ORDER) {
    const m = metrics.perFlag[flag];
    lines.push(`| ${flag} | ${m.support} | ${m.tp} | ${m.fp} | ${m.fn} | ${pct(m.precision)} | ${pct(m.recall)} |`);
  }
  lines.push("");
  lines.push(`Exact match (all flags right): ${metrics.exactMatches}/${metrics.total} = ${pct(metrics.exactMatchAccuracy)}`);
  return lines.join("\n");
}

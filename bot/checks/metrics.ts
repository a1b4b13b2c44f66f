/**
 * Accuracy of the checks on hand-labelled sets (tests/checks/*.json). Pure: the caller reads the
 * files; this validates the parsed JSON and compares the checks' verdicts with the labels.
 */
import { checkAgreement } from "./smart-agreement.js";
import { checkObservableGoal } from "./observable-goal.js";
import type { AgreementPart } from "./types.js";

export interface LabelledAgreement {
  who: string;
  what: string;
  when: string;
  concrete: boolean;
  /** The parts a careful reader finds lacking; empty or absent for a concrete agreement. */
  parts?: AgreementPart[];
}

export interface LabelledGoal {
  text: string;
  observable: boolean;
}

export interface CheckMismatch<T> {
  item: T;
  got: string;
}

export interface CheckAccuracy<T> {
  total: number;
  correct: number;
  accuracy: number;
  /** Share of agreements whose flagged parts equal the labelled parts (agreements only). */
  partsAccuracy: number | null;
  mismatches: CheckMismatch<T>[];
}

const PARTS: readonly AgreementPart[] = ["who", "what", "when"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPart(value: unknown): value is AgreementPart {
  return typeof value === "string" && (PARTS as readonly string[]).includes(value);
}

/** The entries of a JSON array, typed as unknown (Array.isArray alone would give any[]). */
function entries(data: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(data)) throw new Error(`${what}: expected an array`);
  const list: readonly unknown[] = data;
  return list;
}

export function parseLabelledAgreements(data: unknown): LabelledAgreement[] {
  return entries(data, "labelled agreements").map((entry, i) => {
    if (!isRecord(entry)) throw new Error(`labelled agreements[${i}]: expected an object`);
    const { who, what, when, concrete, parts } = entry;
    if (typeof who !== "string" || typeof what !== "string" || typeof when !== "string") {
      throw new Error(`labelled agreements[${i}]: who, what and when must be strings`);
    }
    if (typeof concrete !== "boolean") throw new Error(`labelled agreements[${i}]: concrete must be a boolean`);
    const item: LabelledAgreement = { who, what, when, concrete };
    if (parts !== undefined) {
      const list = entries(parts, `labelled agreements[${i}].parts`);
      const valid = list.filter(isPart);
      if (valid.length !== list.length) throw new Error(`labelled agreements[${i}]: parts must list who/what/when`);
      item.parts = valid;
    }
    return item;
  });
}

export function parseLabelledGoals(data: unknown): LabelledGoal[] {
  return entries(data, "labelled goals").map((entry, i) => {
    if (!isRecord(entry)) throw new Error(`labelled goals[${i}]: expected an object`);
    const { text, observable } = entry;
    if (typeof text !== "string" || typeof observable !== "boolean") {
      throw new Error(`labelled goals[${i}]: text must be a string and observable a boolean`);
    }
    return { text, observable };
  });
}

function partsKey(parts: readonly AgreementPart[]): string {
  return PARTS.filter((p) => parts.includes(p)).join(",");
}

export function measureAgreements(items: readonly LabelledAgreement[]): CheckAccuracy<LabelledAgreement> {
  let correct = 0;
  let partsCorrect = 0;
  const mismatches: CheckMismatch<LabelledAgreement>[] = [];
  for (const item of items) {
    const result = checkAgreement(item);
    const got = partsKey(result.issues.map((issue) => issue.part));
    if (result.concrete === item.concrete) correct++;
    if (got === partsKey(item.parts ?? [])) partsCorrect++;
    if (result.concrete !== item.concrete) {
      mismatches.push({ item, got: result.issues.map((issue) => `${issue.part}:${issue.code}`).join(", ") || "concrete" });
    }
  }
  const total = items.length;
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    partsAccuracy: total === 0 ? 0 : partsCorrect / total,
    mismatches,
  };
}

export function measureGoals(items: readonly LabelledGoal[]): CheckAccuracy<LabelledGoal> {
  let correct = 0;
  const mismatches: CheckMismatch<LabelledGoal>[] = [];
  for (const item of items) {
    const result = checkObservableGoal(item.text);
    if (result.observable === item.observable) correct++;
    else mismatches.push({ item, got: result.issues.map((issue) => issue.code).join(", ") || "observable" });
  }
  const total = items.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, partsAccuracy: null, mismatches };
}

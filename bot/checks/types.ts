/** Shared types of the text checks (SMART agreements, observable goals). */

export type CheckLanguage = "nl" | "en";

/** A user-facing text in both product languages. */
export interface Bilingual {
  nl: string;
  en: string;
}

export type AgreementPart = "who" | "what" | "when";

export type AgreementIssueCode = "missing" | "vague_who" | "vague_action" | "not_measurable" | "vague_when";

export interface AgreementIssue {
  part: AgreementPart;
  code: AgreementIssueCode;
  /** What is missing or unclear, briefly. */
  message: Bilingual;
  /** An example of a concrete rephrasing, child-friendly. */
  hint: Bilingual;
}

export interface AgreementInput {
  who: string;
  what: string;
  when: string;
}

export interface AgreementCheck {
  concrete: boolean;
  issues: AgreementIssue[];
}

export type GoalIssueCode = "label" | "not_observable" | "no_measure";

export interface GoalIssue {
  code: GoalIssueCode;
  /** The words that triggered the issue (e.g. "heeft ADHD"), or null when the issue is about what is absent. */
  found: string | null;
  message: Bilingual;
}

export interface GoalCheck {
  observable: boolean;
  issues: GoalIssue[];
  suggestion: Bilingual | null;
}

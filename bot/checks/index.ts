/** Public API of the text checks: SMART agreements and observable goals. */
export { checkAgreement } from "./smart-agreement.js";
export { checkObservableGoal } from "./observable-goal.js";
export { detectCheckLanguage } from "./language.js";
export type {
  AgreementCheck,
  AgreementInput,
  AgreementIssue,
  AgreementIssueCode,
  AgreementPart,
  Bilingual,
  CheckLanguage,
  GoalCheck,
  GoalIssue,
  GoalIssueCode,
} from "./types.js";
export {
  measureAgreements,
  measureGoals,
  parseLabelledAgreements,
  parseLabelledGoals,
  type CheckAccuracy,
  type CheckMismatch,
  type LabelledAgreement,
  type LabelledGoal,
} from "./metrics.js";

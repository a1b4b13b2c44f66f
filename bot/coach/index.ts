/** Public API of the question coach. */
export { coachQuestion } from "./coach-question.js";
export { detectLanguage } from "./detect-language.js";
export {
  computeMetrics,
  formatMetricsTable,
  parseLabelledSet,
  type CoachMetrics,
  type FlagMetrics,
  type LabelledQuestion,
  type Mismatch,
} from "./metrics.js";
export { FLAG_ORDER, type CoachResult, type Flag, type Language } from "./types.js";

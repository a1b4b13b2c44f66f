// When a failed send is tried again: exponential backoff with jitter, so instances and
// recipients do not retry in lock-step. Pure, for the tests.
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 60 * 60_000 };

/** The wait after the `attempt`-th failed attempt (1-based); `random` in [0, 1). */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: number = Math.random()): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  // ±20 % jitter, never beyond the cap.
  return Math.min(policy.maxMs, Math.round(exponential * (0.8 + 0.4 * random)));
}

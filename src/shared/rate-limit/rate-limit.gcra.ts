import type { RateLimitDecision, RateLimitPolicy } from "./rate-limit.policy.js";

/**
 * The generic cell rate algorithm (GCRA), a token bucket kept as one number per subject: the
 * "theoretical arrival time" (TAT) at which the subject's bucket is full again. Each unit pushes it
 * `periodMs / limit` later; a request is allowed while the pushed TAT stays within one period of
 * now. So a subject may burst `limit` units, then regains one every `periodMs / limit`. One number
 * (rather than a log of timestamps) keeps memory per subject constant, and lets a shared store do
 * the same arithmetic in one `UPDATE … SET tat = greatest(tat, now) + cost * interval`.
 *
 * Pure: the stored TAT (undefined for a subject never seen or forgotten) in, the decision and the
 * TAT to store out. A refused request leaves the TAT as it was.
 */
export function gcra(
  policy: RateLimitPolicy,
  storedTat: number | undefined,
  now: number,
  cost: number,
): { decision: RateLimitDecision; tat: number | undefined } {
  const interval = policy.periodMs / policy.limit;
  const base = Math.max(storedTat ?? now, now);
  const next = base + cost * interval;
  const allowAt = next - policy.periodMs;
  if (allowAt > now) {
    // A cost over the whole limit can never pass: say so with a full period rather than a wait that would not help.
    const retryAfterMs = cost > policy.limit ? policy.periodMs : allowAt - now;
    return {
      decision: { policy, allowed: false, remaining: remainingAt(policy, base, now, interval), retryAfterMs },
      tat: storedTat,
    };
  }
  return {
    decision: { policy, allowed: true, remaining: remainingAt(policy, next, now, interval), retryAfterMs: 0 },
    tat: next,
  };
}

function remainingAt(policy: RateLimitPolicy, tat: number, now: number, interval: number): number {
  // A tiny epsilon: periods that do not divide evenly (60 000 ms / 7) must not lose a unit to rounding.
  return Math.max(0, Math.min(policy.limit, Math.floor((policy.periodMs - (tat - now)) / interval + 1e-9)));
}

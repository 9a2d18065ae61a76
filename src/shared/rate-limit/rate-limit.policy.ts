/**
 * One limit of the rate limiter: at most `limit` units per `periodMs`, for each subject (a key, a
 * client address) separately. The name is what a throttled client is told and what a shared store
 * keys its rows by, so it is stable: `mutations`, `imports`, `auth_failures`, …
 */
export interface RateLimitPolicy {
  readonly name: string;
  /** Units a subject may spend per period (and in one burst); 0 turns the policy off. */
  readonly limit: number;
  readonly periodMs: number;
}

/** What a store answers for one subject under one policy. */
export interface RateLimitDecision {
  readonly policy: RateLimitPolicy;
  readonly allowed: boolean;
  /** Units still available right after this decision. */
  readonly remaining: number;
  /** When refused: how long until the same request would be allowed (0 when allowed). */
  readonly retryAfterMs: number;
}

/** Milliseconds since the epoch; injected so that tests move time instead of sleeping. */
export type Clock = () => number;

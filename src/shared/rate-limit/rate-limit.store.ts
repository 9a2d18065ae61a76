import type { RateLimitDecision, RateLimitPolicy } from "./rate-limit.policy.js";

/** One question to a store: may `subject` spend `cost` units of `policy` at `now`? */
export interface RateLimitRequest {
  readonly policy: RateLimitPolicy;
  readonly subject: string;
  readonly now: number;
  readonly cost: number;
}

/**
 * Where the limiter keeps each subject's state. The in-memory store (memory-rate-limit.store.ts)
 * limits each instance on its own; a store shared through the database would make several
 * instances one budget. Asynchronous so that such a store fits; each call must be atomic for its
 * subject (the check and the spending are one step).
 */
export interface RateLimitStore {
  /** Decides and, when allowed, spends the units. */
  take(request: RateLimitRequest): Promise<RateLimitDecision>;
  /** Decides without spending anything: would `take` allow this now? */
  peek(request: RateLimitRequest): Promise<RateLimitDecision>;
}

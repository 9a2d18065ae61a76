import type { Clock, RateLimitDecision, RateLimitPolicy } from "./rate-limit.policy.js";
import type { RateLimitStore } from "./rate-limit.store.js";

const unlimited = (policy: RateLimitPolicy): RateLimitDecision => ({
  policy,
  allowed: true,
  remaining: Number.POSITIVE_INFINITY,
  retryAfterMs: 0,
});

/**
 * The one rate limiter: policies (what is counted, how much per period) applied per subject (an API
 * key, a client address), over a pluggable store, on an injectable clock.
 */
export class RateLimiter {
  private readonly store: RateLimitStore;
  private readonly clock: Clock;

  constructor({ store, clock = Date.now }: { store: RateLimitStore; clock?: Clock }) {
    this.store = store;
    this.clock = clock;
  }

  /** Spends `cost` units of the subject's budget when they are there; refused, it spends nothing. */
  take(policy: RateLimitPolicy, subject: string, cost = 1): Promise<RateLimitDecision> {
    if (policy.limit === 0 || cost === 0) return Promise.resolve(unlimited(policy));
    return this.store.take({ policy, subject, now: this.clock(), cost });
  }

  /** Whether `take` would allow this now, spending nothing. */
  peek(policy: RateLimitPolicy, subject: string, cost = 1): Promise<RateLimitDecision> {
    if (policy.limit === 0 || cost === 0) return Promise.resolve(unlimited(policy));
    return this.store.peek({ policy, subject, now: this.clock(), cost });
  }

  /**
   * Several policies spent together (a mutation that is also an import): when any would refuse,
   * none is spent, so a refused request costs the client nothing.
   */
  async takeAll(
    charges: readonly { policy: RateLimitPolicy; subject: string; cost: number }[],
  ): Promise<{ allowed: true; decisions: RateLimitDecision[] } | { allowed: false; refused: RateLimitDecision }> {
    for (const { policy, subject, cost } of charges) {
      const decision = await this.peek(policy, subject, cost);
      if (!decision.allowed) return { allowed: false, refused: decision };
    }
    const decisions: RateLimitDecision[] = [];
    for (const { policy, subject, cost } of charges) {
      const decision = await this.take(policy, subject, cost);
      // Only when a concurrent request spent the budget between the look and the spending.
      if (!decision.allowed) return { allowed: false, refused: decision };
      decisions.push(decision);
    }
    return { allowed: true, decisions };
  }
}

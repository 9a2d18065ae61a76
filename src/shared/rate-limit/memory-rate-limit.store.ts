import { gcra } from "./rate-limit.gcra.js";
import type { RateLimitDecision } from "./rate-limit.policy.js";
import type { RateLimitRequest, RateLimitStore } from "./rate-limit.store.js";

/** How many of the least recently used entries each write looks at to drop the idle ones. */
const sweepPerWrite = 4;

/**
 * Each subject's GCRA state in this process's memory: limits are per instance. Bounded: a subject
 * whose bucket has refilled is forgotten (it is then the same as one never seen), and past
 * `maxSubjects` the least recently used is dropped, which forgives it — the price of a bound
 * memory when a flood of addresses arrives.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  // A Map iterates in insertion order; re-inserting on every write keeps it least recently used first.
  private readonly entries = new Map<string, number>();

  constructor(private readonly maxSubjects: number) {}

  /** Subjects held right now (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }

  take(request: RateLimitRequest): Promise<RateLimitDecision> {
    const key = keyOf(request);
    const { decision, tat } = gcra(request.policy, this.entries.get(key), request.now, request.cost);
    if (decision.allowed && tat !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, tat);
      this.sweep(request.now);
    }
    return Promise.resolve(decision);
  }

  peek(request: RateLimitRequest): Promise<RateLimitDecision> {
    return Promise.resolve(gcra(request.policy, this.entries.get(keyOf(request)), request.now, request.cost).decision);
  }

  private sweep(now: number): void {
    let looked = 0;
    for (const [key, tat] of this.entries) {
      if (looked++ >= sweepPerWrite) break;
      if (tat <= now) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxSubjects) break;
      this.entries.delete(key);
    }
  }
}

// NUL cannot occur in a policy name, so two (policy, subject) pairs never share a key.
function keyOf({ policy, subject }: RateLimitRequest): string {
  return `${policy.name}\u0000${subject}`;
}

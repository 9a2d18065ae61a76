import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "../../../src/shared/rate-limit/memory-rate-limit.store.js";
import type { RateLimitPolicy } from "../../../src/shared/rate-limit/rate-limit.policy.js";
import { RateLimiter } from "../../../src/shared/rate-limit/rate-limiter.js";

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

const threePerMinute: RateLimitPolicy = { name: "three", limit: 3, periodMs: 60_000 };

function limiter(maxSubjects = 1000) {
  const clock = manualClock();
  const store = new MemoryRateLimitStore(maxSubjects);
  return { clock, store, limiter: new RateLimiter({ store, clock: clock.now }) };
}

describe("the rate limiter", () => {
  it("allows a burst of the limit, then refuses with the wait until one unit is back", async () => {
    const { limiter: l } = limiter();
    const remaining = [];
    for (let i = 0; i < 3; i++) remaining.push((await l.take(threePerMinute, "a")).remaining);
    expect(remaining).toEqual([2, 1, 0]);
    const refused = await l.take(threePerMinute, "a");
    // 3 a minute: one unit comes back every 20 s.
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
  });

  it("gives one unit back per period / limit, and never more than the limit after a long pause", async () => {
    const { limiter: l, clock } = limiter();
    for (let i = 0; i < 3; i++) await l.take(threePerMinute, "a");
    clock.advance(19_999);
    expect((await l.take(threePerMinute, "a")).allowed).toBe(false);
    clock.advance(1);
    expect(await l.take(threePerMinute, "a")).toMatchObject({ allowed: true, remaining: 0 });
    clock.advance(3_600_000);
    expect((await l.take(threePerMinute, "a")).remaining).toBe(2);
  });

  it("keeps each subject and each policy apart", async () => {
    const { limiter: l } = limiter();
    const other: RateLimitPolicy = { ...threePerMinute, name: "other" };
    for (let i = 0; i < 3; i++) await l.take(threePerMinute, "a");
    expect((await l.take(threePerMinute, "a")).allowed).toBe(false);
    expect((await l.take(threePerMinute, "b")).allowed).toBe(true);
    expect((await l.take(other, "a")).allowed).toBe(true);
  });

  it("spends nothing on a refused request, so hammering does not lengthen the wait", async () => {
    const { limiter: l, clock } = limiter();
    for (let i = 0; i < 3; i++) await l.take(threePerMinute, "a");
    for (let i = 0; i < 50; i++) await l.take(threePerMinute, "a");
    clock.advance(20_000);
    expect((await l.take(threePerMinute, "a")).allowed).toBe(true);
  });

  it("charges a cost of several units, and refuses one larger than the limit with a full period", async () => {
    const { limiter: l } = limiter();
    expect(await l.take(threePerMinute, "a", 2)).toMatchObject({ allowed: true, remaining: 1 });
    expect(await l.take(threePerMinute, "a", 2)).toMatchObject({ allowed: false, retryAfterMs: 20_000 });
    expect(await l.take(threePerMinute, "b", 4)).toMatchObject({ allowed: false, retryAfterMs: 60_000 });
  });

  it("peeks without spending", async () => {
    const { limiter: l } = limiter();
    for (let i = 0; i < 10; i++) expect((await l.peek(threePerMinute, "a")).allowed).toBe(true);
    expect((await l.take(threePerMinute, "a")).remaining).toBe(2);
  });

  it("does not count at all under a policy whose limit is 0", async () => {
    const { limiter: l, store } = limiter();
    const off: RateLimitPolicy = { name: "off", limit: 0, periodMs: 60_000 };
    for (let i = 0; i < 100; i++) expect((await l.take(off, "a")).allowed).toBe(true);
    expect(store.size).toBe(0);
  });

  it("spends several policies together or not at all", async () => {
    const { limiter: l } = limiter();
    const one: RateLimitPolicy = { name: "one", limit: 1, periodMs: 60_000 };
    await l.take(one, "a");
    const both = [
      { policy: threePerMinute, subject: "a", cost: 1 },
      { policy: one, subject: "a", cost: 1 },
    ];
    const result = await l.takeAll(both);
    expect(result.allowed).toBe(false);
    if (!result.allowed) expect(result.refused.policy.name).toBe("one");
    expect((await l.take(threePerMinute, "a")).remaining).toBe(2);
  });

  it("handles limits that do not divide the period evenly without losing a unit", async () => {
    const { limiter: l } = limiter();
    const seven: RateLimitPolicy = { name: "seven", limit: 7, periodMs: 60_000 };
    let allowed = 0;
    for (let i = 0; i < 10; i++) if ((await l.take(seven, "a")).allowed) allowed++;
    expect(allowed).toBe(7);
  });

  it("forgets subjects whose budget has refilled, and never holds more than its cap", async () => {
    const { limiter: l, store, clock } = limiter(100);
    for (let i = 0; i < 1000; i++) await l.take(threePerMinute, `s${i}`);
    expect(store.size).toBe(100);
    // The most recent subject is kept; the first was evicted, so it starts afresh.
    expect((await l.peek(threePerMinute, "s999")).remaining).toBe(1);
    clock.advance(60_000);
    for (let i = 0; i < 30; i++) await l.take(threePerMinute, `t${i}`);
    // Each write drops idle entries from the old end: the refilled s… subjects go, the new t… stay.
    expect(store.size).toBeLessThan(100);
    expect((await l.peek(threePerMinute, "t29")).remaining).toBe(1);
  });
});

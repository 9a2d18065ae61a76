import type { AppConfig } from "../config.js";
import type { Identity } from "../modules/identity/identity.js";
import { MemoryRateLimitStore } from "../shared/rate-limit/memory-rate-limit.store.js";
import type { Clock, RateLimitPolicy } from "../shared/rate-limit/rate-limit.policy.js";
import type { RateLimitStore } from "../shared/rate-limit/rate-limit.store.js";
import { RateLimiter } from "../shared/rate-limit/rate-limiter.js";

const minute = 60_000;
const hour = 60 * minute;

/** The service's policies of the one limiter; the editors' per-key ones join them here. */
export interface RateLimits {
  limiter: RateLimiter;
  /** Mutation fields per API key (per address for anonymous callers and ADMIN_TOKEN). */
  mutations: RateLimitPolicy;
  /** Import fields (see {@link importFields}), per key or address as above: imports are the heaviest requests. */
  imports: RateLimitPolicy;
  /** Refused credentials per client address: a guesser is stopped after a handful. */
  authFailures: RateLimitPolicy;
  /** Estimated cost (query-cost.ts) of every operation, per key or address: the per-client budget of database work. */
  queryCost: RateLimitPolicy;
}

/** Root mutation fields that count against the imports policy as well as the mutations one. */
export const importFields: ReadonlySet<string> = new Set(["importPlan"]);

export type RateLimitConfig = Pick<
  AppConfig,
  | "rateLimitMutationsPerMinute"
  | "rateLimitImportsPerHour"
  | "rateLimitAuthFailuresPerMinute"
  | "rateLimitCostPerMinute"
  | "rateLimitMaxSubjects"
>;

export function createRateLimits(
  config: RateLimitConfig,
  { clock, store }: { clock?: Clock | undefined; store?: RateLimitStore | undefined } = {},
): RateLimits {
  return {
    limiter: new RateLimiter({ store: store ?? new MemoryRateLimitStore(config.rateLimitMaxSubjects), clock }),
    mutations: { name: "mutations", limit: config.rateLimitMutationsPerMinute, periodMs: minute },
    imports: { name: "imports", limit: config.rateLimitImportsPerHour, periodMs: hour },
    authFailures: { name: "auth_failures", limit: config.rateLimitAuthFailuresPerMinute, periodMs: minute },
    queryCost: { name: "query_cost", limit: config.rateLimitCostPerMinute, periodMs: minute },
  };
}

/**
 * Whose budget a request spends: its API key's, so that a key is limited wherever it is used from;
 * the client address's for anonymous callers and for ADMIN_TOKEN, which has no key row to count by.
 */
export function rateLimitSubject(identity: Identity, address: string): string {
  if (identity.kind === "key" && identity.keyId !== null) return `key:${identity.keyId}`;
  return `address:${address}`;
}

/** Subjects of the auth-failures policy: the address alone, since a guesser has no valid key. */
export function addressSubject(address: string): string {
  return `address:${address}`;
}

import { AppError } from "../errors/app-error.js";
import { defineErrorCodes } from "../errors/error-code.js";
import type { RateLimitDecision } from "./rate-limit.policy.js";

export const rateLimitErrorCodes = defineErrorCodes({
  rateLimited: { reason: "request.rate_limited", errorClass: "TOO_MANY_REQUESTS" },
});

/** What `Retry-After` says for a wait: whole seconds, rounded up, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/**
 * A request refused by a rate-limit policy: HTTP 429 with `Retry-After`, naming the policy so that
 * a client knows which budget it spent.
 */
export class RateLimitedError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(decision: RateLimitDecision, message: string) {
    const seconds = retryAfterSeconds(decision.retryAfterMs);
    super(rateLimitErrorCodes.rateLimited, message, { policy: decision.policy.name, retryAfterSeconds: seconds });
    this.retryAfterSeconds = seconds;
  }
}

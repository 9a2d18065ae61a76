import { AppError } from "../errors/app-error.js";
import { defineErrorCodes } from "../errors/error-code.js";
import type { RateLimitDecision } from "./rate-limit.policy.js";

export const rateLimitErrorCodes = defineErrorCodes({
  rateLimited: { reason: "request.rate_limited", errorClass: "TOO_MANY_REQUESTS" },
});

/**
 * A request refused by a rate-limit policy: HTTP 429 with `Retry-After`, naming the policy so that
 * a client knows which budget it spent.
 */
export class RateLimitedError extends AppError {
  /** Whole seconds, rounded up, at least 1: what `Retry-After` says. */
  readonly retryAfterSeconds: number;

  constructor(decision: RateLimitDecision, message: string) {
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    super(rateLimitErrorCodes.rateLimited, message, { policy: decision.policy.name, retryAfterSeconds });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

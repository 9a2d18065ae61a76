import { tokenPrefix, visiblePrefix } from "../modules/identity/api-key.token.js";
import type { Logger } from "../shared/logger.js";
import { RateLimitedError, retryAfterSeconds } from "../shared/rate-limit/rate-limit.errors.js";
import type { RateLimitDecision } from "../shared/rate-limit/rate-limit.policy.js";
import { currentRequest } from "../shared/request-context.js";

/** How the refused request was sent, for the log line: never the key itself. */
export interface RefusedCaller {
  authorization: string | undefined;
  clientAddress: string;
  subject: string;
}

/** The clear prefix of a presented cpcg_ key (as listings show it), or null. */
export function presentedKeyPrefix(authorization: string | undefined): string | null {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  return token?.startsWith(tokenPrefix) ? visiblePrefix(token) : null;
}

function periodText(ms: number): string {
  if (ms === 60_000) return "minute";
  if (ms === 3_600_000) return "hour";
  return `${ms / 1000} s`;
}

/** Logs a refusal (warn, `rate_limit.refused`) and makes the error the client is answered with. */
export function rateLimitRefusal(logger: Logger, decision: RateLimitDecision, caller: RefusedCaller): RateLimitedError {
  const { policy } = decision;
  const error = new RateLimitedError(
    decision,
    `Rate limit "${policy.name}" reached: ${policy.limit} per ${periodText(policy.periodMs)}; retry after ${retryAfterSeconds(decision.retryAfterMs)} s`,
  );
  logger.warn("rate limited", {
    event: "rate_limit.refused",
    policy: policy.name,
    subject: caller.subject.startsWith("key:") ? caller.subject : "address",
    keyPrefix: presentedKeyPrefix(caller.authorization),
    clientAddress: caller.clientAddress,
    retryAfterSeconds: error.retryAfterSeconds,
    requestId: currentRequest()?.id ?? null,
  });
  return error;
}

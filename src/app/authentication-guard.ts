import type { AppContext } from "../context.js";
import type { Identity } from "../modules/identity/identity.js";
import { AppError } from "../shared/errors/app-error.js";
import type { Logger } from "../shared/logger.js";
import { addressSubject, type RateLimits } from "./rate-limit.policies.js";
import { rateLimitRefusal } from "./rate-limit.refusal.js";

/**
 * Brute-force protection around identifying a caller: each refused credential spends one unit of
 * the address's `auth_failures` budget, and while it is spent every request from that address that
 * presents any Authorization header is answered 429 before its credential is even looked at, so
 * guessing stops there. Requests without a credential still read published data; a valid key is
 * served again as soon as the address has a unit back. Keys are compared in constant time
 * (api-key.token.ts) and each refusal is logged as `auth.refused` by the identity module.
 */
export async function identifyGuarded(
  limits: RateLimits,
  logger: Logger,
  identify: (authorization: string | undefined) => Promise<Identity>,
  authorization: string | undefined,
  clientAddress: AppContext["clientAddress"],
): Promise<Identity> {
  if (clientAddress === null || (authorization ?? "").trim() === "") return identify(authorization);
  const subject = addressSubject(clientAddress);
  const standing = await limits.limiter.peek(limits.authFailures, subject);
  if (!standing.allowed) throw rateLimitRefusal(logger, standing, { authorization, clientAddress, subject });
  try {
    return await identify(authorization);
  } catch (error) {
    if (error instanceof AppError && error.errorCode.errorClass === "UNAUTHENTICATED")
      await limits.limiter.take(limits.authFailures, subject);
    throw error;
  }
}

import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

/*
 * A presented key that cannot be used is refused outright rather than read as anonymous: a client
 * whose key has lapsed would otherwise see published data only and take drafts and edits for gone.
 */
export const identityErrorCodes = defineErrorCodes({
  invalidKey: { reason: "auth.invalid_key", errorClass: "UNAUTHENTICATED" },
  keyRevoked: { reason: "auth.key_revoked", errorClass: "UNAUTHENTICATED" },
  keyExpired: { reason: "auth.key_expired", errorClass: "UNAUTHENTICATED" },
  // A mutation by a request that sent no key at all (one with an unusable key is refused above).
  authRequired: { reason: "auth.required", errorClass: "UNAUTHENTICATED" },
  keyNotFound: { reason: "api_key.not_found", errorClass: "NOT_FOUND" },
  // A key that may not do this to an object everyone may see (a public council): "not found" would be untrue.
  forbidden: { reason: "auth.forbidden", errorClass: "FORBIDDEN" },
});

/** The refusal of a write asked for without any key; `what` names the write ("importPlan", "Changing a draft"). */
export function authRequired(what: string): AppError {
  return new AppError(identityErrorCodes.authRequired, `${what} needs an API key: send Authorization: Bearer <key>`, {
    argument: "Authorization",
  });
}

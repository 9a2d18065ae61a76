import { defineErrorCodes } from "../../shared/errors/error-code.js";

/*
 * A presented key that cannot be used is refused outright rather than read as anonymous: a client
 * whose key has lapsed would otherwise see published data only and take drafts and edits for gone.
 */
export const identityErrorCodes = defineErrorCodes({
  invalidKey: { reason: "auth.invalid_key", errorClass: "UNAUTHENTICATED" },
  keyRevoked: { reason: "auth.key_revoked", errorClass: "UNAUTHENTICATED" },
  keyExpired: { reason: "auth.key_expired", errorClass: "UNAUTHENTICATED" },
  // A write asked for without any key: say so, rather than "not found", so a client knows to send one.
  authRequired: { reason: "auth.required", errorClass: "UNAUTHENTICATED" },
  keyNotFound: { reason: "api_key.not_found", errorClass: "NOT_FOUND" },
});

import { defineErrorCodes } from "../errors/error-code.js";

/**
 * Failures of the service's surroundings rather than of the request: HTTP 503 with `Retry-After`,
 * so that clients and proxies retry them instead of reporting a bug.
 */
export const databaseErrorCodes = defineErrorCodes({
  unavailable: { reason: "database.unavailable", errorClass: "SERVICE_UNAVAILABLE" },
  timeout: { reason: "request.timeout", errorClass: "SERVICE_UNAVAILABLE" },
});

import type { DatabaseFailure } from "../shared/database/database-failure.js";
import type { Logger } from "../shared/logger.js";
import { currentRequest } from "../shared/request-context.js";

/**
 * Logs a request lost to the database or the deadline, with what PostgreSQL or the driver said
 * (code, message) and the request id: the operator's half of the 503 the client gets.
 */
export function logDatabaseFailure(
  logger: Logger,
  kind: DatabaseFailure["kind"],
  failure: DatabaseFailure | null,
  path?: readonly (string | number)[],
): void {
  logger.warn(kind === "timeout" ? "request timed out" : "database unavailable", {
    event: kind === "timeout" ? "request.timeout" : "database.unavailable",
    requestId: currentRequest()?.id ?? null,
    ...(failure ? { databaseCode: failure.code, databaseMessage: failure.message } : { databaseCode: null }),
    ...(path ? { path } : {}),
  });
}

import { AppError } from "../errors/app-error.js";
import { databaseErrorCodes } from "./database.errors.js";

/** Why the database could not answer, as PostgreSQL or the driver said it: for the log, never for a client. */
export interface DatabaseFailure {
  kind: "unavailable" | "timeout";
  /** SQLSTATE (`57014`) or the driver's or socket's code (`ECONNREFUSED`, `CONNECT_TIMEOUT`). */
  code: string;
  message: string;
}

/** Seconds a client is told to wait before retrying a 503. */
export const serviceRetryAfterSeconds = 1;

// SQLSTATE class 08 (connection exception) is matched by prefix; these are the rest that mean
// "the server is going or not there", plus the driver's and the socket's own codes for the same.
const unavailableCodes = new Set([
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "53300", // too_many_connections
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// query_canceled: a statement timeout, or our own cancel when the request's deadline passed or its client left.
const timeoutCode = "57014";

/**
 * The database failure underneath an error, however drizzle wrapped it ("Failed query: …" with the
 * driver's error as its cause), or null when the error is something else (a bug, a constraint).
 */
export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  for (let e: unknown = error, hops = 0; typeof e === "object" && e !== null && hops < 8; hops += 1) {
    const code = "code" in e && typeof e.code === "string" ? e.code : "";
    const message = "message" in e && typeof e.message === "string" ? e.message : "";
    if (code === timeoutCode) return { kind: "timeout", code, message };
    if (unavailableCodes.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return { kind: "unavailable", code, message };
    e = "cause" in e ? e.cause : undefined;
  }
  return null;
}

/** What a client is told of a database failure: a coded, retryable error with no detail of the database. */
export function serviceUnavailableError(kind: DatabaseFailure["kind"], deadlineMs: number): AppError {
  return kind === "timeout"
    ? new AppError(
        databaseErrorCodes.timeout,
        `The request did not finish within its deadline of ${deadlineMs} ms; retry later, or ask for less`,
        { retryAfterSeconds: serviceRetryAfterSeconds },
      )
    : new AppError(databaseErrorCodes.unavailable, "The database is unavailable; retry shortly", {
        retryAfterSeconds: serviceRetryAfterSeconds,
      });
}

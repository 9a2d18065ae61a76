import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { AppError, errorExtensions, formatAppError, sharedErrorCodes } from "../shared/errors/app-error.js";
import { findErrorCode, type ErrorCode } from "../shared/errors/error-code.js";
import { protocolErrorCodes } from "../shared/errors/shared.errors.js";
import type { Logger } from "../shared/logger.js";
import type { AppConfig } from "../config.js";
import { databaseFailureOf, serviceUnavailableError } from "../shared/database/database-failure.js";
import { logDatabaseFailure } from "./database-failure.log.js";

/** The classes graphql-js and Apollo give a client's own mistakes (their messages are safe to show), with their reasons. */
const protocolCodeByClass = new Map<unknown, ErrorCode>(
  Object.values(protocolErrorCodes).map((code) => [code.errorClass, code]),
);

/**
 * The registered code an error carries, however graphql-js and Apollo wrapped it: an AppError, or a
 * GraphQLError from a validation rule or scalar with a registered `extensions.reason`.
 */
function ownCode(error: unknown): ErrorCode | undefined {
  for (let e: unknown = error, hops = 0; e && hops < 5; hops += 1) {
    if (e instanceof AppError) return e.errorCode;
    if (!(e instanceof GraphQLError)) return undefined;
    const reason = e.extensions["reason"];
    const code = typeof reason === "string" ? findErrorCode(reason) : undefined;
    if (code !== undefined) return code;
    e = e.originalError;
  }
  return undefined;
}

/**
 * Apollo refuses some requests with a bare GraphQLError of its own making, before any operation
 * runs ("provided sha does not match query", an unsupported persisted-query version): no
 * original error and no path means no resolver threw it, so its message is about the request.
 */
function requestErrorCode(error: unknown): ErrorCode | undefined {
  return error instanceof GraphQLError && error.originalError === undefined && error.path === undefined
    ? protocolErrorCodes.badRequest
    : undefined;
}

/**
 * The one place errors become what clients see: the class in `extensions.code`, the precise code in
 * `extensions.reason`, and where it happened (argument, line, column); anything else is logged and
 * masked.
 */
export function createErrorFormatter(
  logger: Logger,
  { requestDeadlineMs, maxQueryTokens }: Pick<AppConfig, "requestDeadlineMs" | "maxQueryTokens">,
) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (original instanceof AppError) {
      const { message, extensions } = formatAppError(original);
      return { message, ...where, extensions };
    }
    // graphql-js says so only in words: "Document contains more that N tokens" (sic, in 16.x).
    if (
      formatted.extensions?.["code"] === "GRAPHQL_PARSE_FAILED" &&
      /contains more tha[nt] \d+ tokens/.test(formatted.message)
    ) {
      const { message, extensions } = formatAppError(
        new AppError(
          sharedErrorCodes.tooManyTokens,
          `The document holds more than ${maxQueryTokens} tokens, the most allowed (MAX_QUERY_TOKENS): ask for fewer fields or aliases`,
          { maxTokens: maxQueryTokens },
        ),
      );
      return { message, ...where, extensions };
    }
    // Apollo sets its own class on what it wraps (a validation rule's error becomes
    // GRAPHQL_VALIDATION_FAILED): the registry's class for the reason wins, so a reason always has one class.
    const code = ownCode(error) ?? protocolCodeByClass.get(formatted.extensions?.["code"]) ?? requestErrorCode(error);
    if (code !== undefined) {
      const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, ...errorExtensions(code) } };
    }
    // The database away or the deadline passed: retryable, and the HTTP status becomes 503 (service-unavailable.plugin.ts).
    const failure = databaseFailureOf(original);
    if (failure !== null) {
      logDatabaseFailure(logger, failure.kind, failure, formatted.path);
      const { message, extensions } = formatAppError(serviceUnavailableError(failure.kind, requestDeadlineMs));
      return { message, ...where, extensions };
    }
    logger.error("unexpected error while resolving a request", {
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
      path: formatted.path,
    });
    return {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: errorExtensions(sharedErrorCodes.internal),
    };
  };
}

import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { AppError, sharedErrorCodes } from "../shared/errors/app-error.js";
import type { Logger } from "../shared/logger.js";

/** Codes graphql-js and Apollo give to a client's own mistakes; their messages are safe to show. */
const clientCodes = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

function ownCode(error: unknown): string | null {
  for (let e: unknown = error, hops = 0; e && hops < 5; hops += 1) {
    if (e instanceof AppError) return e.code;
    if (e instanceof GraphQLError) {
      const code = e.extensions["code"];
      if (typeof code === "string" && code.includes(".")) return code;
      e = e.originalError;
    } else return null;
  }
  return null;
}

/**
 * The one place errors become what clients see: expected failures keep their stable code and
 * where they happened (argument, line, column); anything else is logged and masked.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...original.details },
      };
    }
    const code = ownCode(error);
    const apolloCode = formatted.extensions?.["code"];
    if (code !== null || (typeof apolloCode === "string" && clientCodes.has(apolloCode))) {
      const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code: code ?? apolloCode } };
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
      extensions: { code: sharedErrorCodes.internal },
    };
  };
}

import type { ErrorClass, ErrorCode } from "./error-code.js";
import { sharedErrorCodes } from "./shared.errors.js";

export { sharedErrorCodes } from "./shared.errors.js";

/**
 * An expected failure with a registered code (`council.not_found`, class NOT_FOUND). Services throw
 * these; the GraphQL layer turns them into `extensions` in one place (error-format.ts). Anything that
 * is not an AppError is a bug and reaches clients only as a generic internal error.
 */
export class AppError extends Error {
  /** The precise, namespaced code: `extensions.reason`. */
  readonly reason: string;

  constructor(
    readonly errorCode: ErrorCode,
    message: string,
    /** Where the problem is: an argument path, a line and column of a document. */
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
    this.reason = errorCode.reason;
  }
}

export interface AppErrorDetails {
  argument?: string;
  line?: number;
  column?: number;
  [key: string]: string | number | boolean | string[] | undefined;
}

export interface ErrorExtensions {
  code: ErrorClass;
  reason: string;
  [key: string]: unknown;
}

/** `extensions` for a GraphQLError raised outside a resolver (validation rules, scalars). */
export function errorExtensions(code: ErrorCode): ErrorExtensions {
  return { code: code.errorClass, reason: code.reason };
}

/** What a client sees of an AppError, in GraphQL's error shape. */
export function formatAppError(error: AppError): { message: string; extensions: ErrorExtensions } {
  const own = errorExtensions(error.errorCode);
  // Spread twice: code and reason come first in the JSON, and no detail can overwrite them.
  return { message: error.message, extensions: { ...own, ...error.details, ...own } };
}

/** The JSON body of an error answered outside GraphQL (HTTP routes, the CSV export, the CLI's `--json`). */
export function errorResponseBody(error: AppError): { errors: { message: string; extensions: ErrorExtensions }[] } {
  return { errors: [formatAppError(error)] };
}

export function badInput(argument: string, message: string, code: ErrorCode = sharedErrorCodes.badInput): AppError {
  return new AppError(code, message, { argument });
}

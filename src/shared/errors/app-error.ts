/**
 * An expected failure with a stable, namespaced code (`council.not_found`). Services throw these;
 * the GraphQL layer maps them to `extensions.code` in one place (error-format.ts). Anything that is
 * not an AppError is a bug and reaches clients only as a generic internal error.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Where the problem is: an argument path, a line and column of a document. */
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export interface AppErrorDetails {
  argument?: string;
  line?: number;
  column?: number;
  [key: string]: string | number | boolean | string[] | undefined;
}

export const sharedErrorCodes = {
  badInput: "input.invalid",
  invalidDate: "input.invalid_date",
  pageTooLarge: "pagination.first_out_of_range",
  badCursor: "pagination.bad_cursor",
  badGlobalId: "node.bad_id",
  notFound: "node.not_found",
  depthExceeded: "request.depth_exceeded",
  costExceeded: "request.cost_exceeded",
  tooManyDates: "request.too_many_dates",
  bodyTooLarge: "request.body_too_large",
  adminRequired: "auth.admin_required",
  internal: "internal",
} as const;

export function badInput(argument: string, message: string, code: string = sharedErrorCodes.badInput): AppError {
  return new AppError(code, message, { argument });
}

import { defineErrorCodes } from "./error-code.js";

/** Codes every module uses: argument checks, pagination, global IDs, request limits, access. */
export const sharedErrorCodes = defineErrorCodes({
  badInput: { reason: "input.invalid", errorClass: "BAD_USER_INPUT" },
  invalidDate: { reason: "input.invalid_date", errorClass: "BAD_USER_INPUT" },
  pageTooLarge: { reason: "pagination.first_out_of_range", errorClass: "BAD_USER_INPUT" },
  badCursor: { reason: "pagination.bad_cursor", errorClass: "BAD_USER_INPUT" },
  badGlobalId: { reason: "node.bad_id", errorClass: "BAD_USER_INPUT" },
  notFound: { reason: "node.not_found", errorClass: "NOT_FOUND" },
  // The limits are checked once the operation is known (a validation rule, the request-limits plugin), before anything runs.
  tooManyTokens: { reason: "request.too_many_tokens", errorClass: "GRAPHQL_PARSE_FAILED" },
  depthExceeded: { reason: "request.depth_exceeded", errorClass: "GRAPHQL_VALIDATION_FAILED" },
  costExceeded: { reason: "request.cost_exceeded", errorClass: "GRAPHQL_VALIDATION_FAILED" },
  tooManyRootFields: { reason: "request.too_many_root_fields", errorClass: "GRAPHQL_VALIDATION_FAILED" },
  tooManyBenchmarks: { reason: "request.too_many_benchmarks", errorClass: "GRAPHQL_VALIDATION_FAILED" },
  tooManyDates: { reason: "request.too_many_dates", errorClass: "BAD_USER_INPUT" },
  bodyTooLarge: { reason: "request.body_too_large", errorClass: "BAD_REQUEST" },
  badJson: { reason: "request.bad_json", errorClass: "BAD_REQUEST" },
  badMultipart: { reason: "request.bad_multipart", errorClass: "BAD_REQUEST" },
  routeNotFound: { reason: "request.not_found", errorClass: "NOT_FOUND" },
  // Admin-only operations (API keys); kept UNAUTHENTICATED for the clients that switch on it.
  adminRequired: { reason: "auth.admin_required", errorClass: "UNAUTHENTICATED" },
  // A write that states a version other than the one held: someone changed the object since it was read.
  writeConflict: { reason: "write.conflict", errorClass: "BAD_USER_INPUT" },
  internal: { reason: "internal", errorClass: "INTERNAL_SERVER_ERROR" },
});

/**
 * Reasons for the errors graphql-js and Apollo raise themselves, which carry only a class: the
 * formatter adds the reason, so that every error a client sees has both.
 */
export const protocolErrorCodes = defineErrorCodes({
  parseFailed: { reason: "request.parse_failed", errorClass: "GRAPHQL_PARSE_FAILED" },
  validationFailed: { reason: "request.validation_failed", errorClass: "GRAPHQL_VALIDATION_FAILED" },
  badVariables: { reason: "request.bad_variables", errorClass: "BAD_USER_INPUT" },
  badRequest: { reason: "request.bad_request", errorClass: "BAD_REQUEST" },
  unknownOperation: { reason: "request.unknown_operation", errorClass: "OPERATION_RESOLUTION_FAILURE" },
  persistedQueryNotFound: { reason: "request.persisted_query_not_found", errorClass: "PERSISTED_QUERY_NOT_FOUND" },
});

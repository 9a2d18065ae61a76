/**
 * The classes a client switches on, in `extensions.code`. Apollo Server's own codes (BAD_USER_INPUT,
 * BAD_REQUEST, GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE,
 * PERSISTED_QUERY_NOT_FOUND, INTERNAL_SERVER_ERROR) plus the three its clients conventionally
 * expect (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND), and TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE,
 * named like those after their HTTP statuses (429, 503), for a spent rate limit and for a failure
 * that retrying later can cure (the database unreachable, the request's deadline passed). The project's precise code goes beside it in
 * `extensions.reason`.
 */
export const errorClasses = [
  "BAD_USER_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "TOO_MANY_REQUESTS",
  "SERVICE_UNAVAILABLE",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "INTERNAL_SERVER_ERROR",
] as const;
export type ErrorClass = (typeof errorClasses)[number];

declare const registered: unique symbol;

/** A precise code and its class. Only {@link defineErrorCodes} makes one, so every code in use is registered. */
export interface ErrorCode<Reason extends string = string> {
  readonly reason: Reason;
  readonly errorClass: ErrorClass;
  readonly [registered]: true;
}

/*
 * The registry is filled as each `*.errors.ts` file is loaded. A code can only be thrown by code
 * that imported its definition, so whatever can be thrown is here by the time it is thrown.
 */
const registry = new Map<string, ErrorCode>();

/** Declares a module's error codes with their classes: the one place a reason is tied to its class. */
export function defineErrorCodes<const T extends Record<string, { reason: string; errorClass: ErrorClass }>>(
  codes: T,
): { readonly [K in keyof T]: ErrorCode<T[K]["reason"]> } {
  for (const code of Object.values(codes)) {
    const known = registry.get(code.reason);
    if (known !== undefined && known.errorClass !== code.errorClass) {
      throw new Error(`error code ${code.reason} is declared twice, as ${known.errorClass} and ${code.errorClass}`);
    }
    registry.set(code.reason, Object.freeze({ ...code }) as ErrorCode);
  }
  return Object.fromEntries(Object.entries(codes).map(([key, code]) => [key, registry.get(code.reason)])) as {
    readonly [K in keyof T]: ErrorCode<T[K]["reason"]>;
  };
}

export function findErrorCode(reason: string): ErrorCode | undefined {
  return registry.get(reason);
}

/** Every code declared by the files loaded so far, by reason. */
export function registeredErrorCodes(): ErrorCode[] {
  return [...registry.values()].sort((a, b) => a.reason.localeCompare(b.reason));
}

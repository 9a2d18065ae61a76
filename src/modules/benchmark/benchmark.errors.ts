import { AppError } from "../../shared/errors/app-error.js";
import { defineErrorCodes } from "../../shared/errors/error-code.js";

export const benchmarkErrorCodes = defineErrorCodes({
  badGroupBy: { reason: "benchmark.bad_group_by", errorClass: "BAD_USER_INPUT" },
  badHaving: { reason: "benchmark.bad_having", errorClass: "BAD_USER_INPUT" },
  badOrder: { reason: "benchmark.bad_order", errorClass: "BAD_USER_INPUT" },
  firstOutOfRange: { reason: "benchmark.first_out_of_range", errorClass: "BAD_USER_INPUT" },
  badPeriod: { reason: "benchmark.bad_period", errorClass: "BAD_USER_INPUT" },
  tooManyPeriods: { reason: "benchmark.too_many_periods", errorClass: "BAD_USER_INPUT" },
  badStaleAge: { reason: "benchmark.bad_stale_age", errorClass: "BAD_USER_INPUT" },
  badParameter: { reason: "benchmark.bad_parameter", errorClass: "BAD_USER_INPUT" },
});

export type BenchmarkErrorCode = (typeof benchmarkErrorCodes)[keyof typeof benchmarkErrorCodes];

export function benchmarkError(code: BenchmarkErrorCode, argument: string, message: string): AppError {
  return new AppError(code, message, { argument });
}

import { AppError } from "../../shared/errors/app-error.js";

export const benchmarkErrorCodes = {
  badGroupBy: "benchmark.bad_group_by",
  badHaving: "benchmark.bad_having",
  badOrder: "benchmark.bad_order",
  firstOutOfRange: "benchmark.first_out_of_range",
  badPeriod: "benchmark.bad_period",
  tooManyPeriods: "benchmark.too_many_periods",
  badStaleAge: "benchmark.bad_stale_age",
  badParameter: "benchmark.bad_parameter",
} as const;

export type BenchmarkErrorCode = (typeof benchmarkErrorCodes)[keyof typeof benchmarkErrorCodes];

export function benchmarkError(code: BenchmarkErrorCode, argument: string, message: string): AppError {
  return new AppError(code, message, { argument });
}

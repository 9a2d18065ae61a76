import { AppError, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import type { ActionFilter } from "../action/action.input.js";
import { actionStatuses, type ActionStatusValue } from "../action/action.values.js";
import { benchmarkError, benchmarkErrorCodes } from "./benchmark.errors.js";
import type { BenchmarkHaving, BenchmarkOrder } from "./benchmark.input.js";
import { benchmarkMeasures, type BenchmarkMeasureValue } from "./benchmark.measures.js";
import { benchmarkDimensions } from "./benchmark.model.js";
import type { BenchmarkRequest } from "./benchmark.service.js";

/*
 * The CSV export's query string, spelled for a URL (see benchmark-csv.route.ts): parsed into the
 * same BenchmarkRequest the GraphQL arguments make, so both are validated by the service alike.
 */

const scalarParameters = ["asOf", "groupBy", "peerGroup", "first", "having", "orderBy", "bom"] as const;
const filterParameters = [
  "councils",
  "peerGroup",
  "themes",
  "statuses",
  "overdue",
  "hasDeadline",
  "deadlineFrom",
  "deadlineTo",
  "search",
] as const;

function bad(parameter: string, message: string): AppError {
  return benchmarkError(benchmarkErrorCodes.badParameter, parameter, message);
}

/** Comma-separated and repeated values alike: groupBy=COUNCIL,THEME or groupBy=COUNCIL&groupBy=THEME. */
function list(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

function single(params: URLSearchParams, name: string): string | null {
  const values = params.getAll(name);
  if (values.length > 1) throw bad(name, `${name} is given ${values.length} times; give it once`);
  const value = values[0]?.trim();
  return value === undefined || value === "" ? null : value;
}

function day(params: URLSearchParams, name: string): string | null {
  const value = single(params, name);
  if (value !== null && !isIsoDate(value)) {
    throw new AppError(sharedErrorCodes.invalidDate, `${name} must be a calendar date as YYYY-MM-DD, got "${value}"`, {
      argument: name,
    });
  }
  return value;
}

function flag(params: URLSearchParams, name: string): boolean | null {
  const value = single(params, name);
  if (value === null) return null;
  if (value === "true" || value === "false") return value === "true";
  throw bad(name, `${name} must be true or false, got "${value}"`);
}

function oneOf<T extends string>(values: readonly T[], value: string, parameter: string): T {
  const found = values.find((v) => v === value.toUpperCase());
  if (found === undefined) throw bad(parameter, `${parameter}: "${value}" is not one of ${values.join(", ")}`);
  return found;
}

const numericOperators = ["eq", "ne", "gt", "gte", "lt", "lte"] as const;
const dateOperators = ["onOrAfter", "before"] as const;

function having(spec: string, parameter: string): BenchmarkHaving {
  const [measureName = "", operator = "", value = "", ...rest] = spec.split(":");
  if (rest.length > 0 || value === "")
    throw bad(parameter, `${parameter} must read MEASURE:operator:value (OVERDUE_RATE:gte:0.5), got "${spec}"`);
  const measure: BenchmarkMeasureValue = oneOf(benchmarkMeasures, measureName, parameter);
  const numeric = numericOperators.find((o) => o === operator);
  if (numeric !== undefined) {
    const n = Number(value);
    if (!Number.isFinite(n)) throw bad(parameter, `${parameter}: "${value}" is not a number`);
    return { measure, [numeric]: n };
  }
  const date = dateOperators.find((o) => o === operator);
  if (date !== undefined) {
    if (!isIsoDate(value)) throw bad(parameter, `${parameter}: "${value}" is not a date as YYYY-MM-DD`);
    return { measure, [date]: value };
  }
  if (operator === "isNull" && (value === "true" || value === "false")) return { measure, isNull: value === "true" };
  throw bad(
    parameter,
    `${parameter}: "${operator}" is not an operator (eq, ne, gt, gte, lt, lte, onOrAfter, before, isNull)`,
  );
}

function order(spec: string, parameter: string): BenchmarkOrder {
  const [key = "", direction = "asc", ...rest] = spec.split(":");
  if (rest.length > 0) throw bad(parameter, `${parameter} must read KEY or KEY:asc or KEY:desc, got "${spec}"`);
  const dir = oneOf(["ASC", "DESC"] as const, direction, parameter);
  const upper = key.toUpperCase();
  const measure = benchmarkMeasures.find((m) => m === upper);
  if (measure !== undefined) return { measure, direction: dir };
  return { dimension: oneOf(benchmarkDimensions, key, parameter), direction: dir };
}

/** What the query string asks for: the benchmark, and how to write the file. */
export interface BenchmarkCsvParameters {
  /** Validated by the service exactly as it validates GraphQL arguments. */
  request: BenchmarkRequest;
  /** Start the file with a UTF-8 byte-order mark (bom=true): Excel needs one, Python's csv and pandas do not. */
  bom: boolean;
}

/** The query string as a BenchmarkRequest plus the file's own options. */
export function parseBenchmarkCsvParameters(params: URLSearchParams): BenchmarkCsvParameters {
  const known = new Set<string>([...scalarParameters, ...filterParameters.map((f) => `filter.${f}`)]);
  for (const name of params.keys()) {
    if (!known.has(name)) throw bad(name, `Unknown parameter "${name}"; expected one of ${[...known].join(", ")}`);
  }
  const firstText = single(params, "first");
  const first = firstText === null ? null : Number(firstText);
  if (first !== null && !Number.isInteger(first))
    throw bad("first", `first must be a whole number, got "${firstText}"`);

  const filter: ActionFilter = {};
  const councils = list(params, "filter.councils");
  if (councils.length) filter.councils = councils;
  const themes = list(params, "filter.themes");
  if (themes.length) filter.themes = themes;
  const statuses = list(params, "filter.statuses").map((s): ActionStatusValue =>
    oneOf(actionStatuses, s, "filter.statuses"),
  );
  if (statuses.length) filter.statuses = statuses;
  filter.peerGroup = single(params, "filter.peerGroup");
  filter.overdue = flag(params, "filter.overdue");
  filter.hasDeadline = flag(params, "filter.hasDeadline");
  filter.deadlineFrom = day(params, "filter.deadlineFrom");
  filter.deadlineTo = day(params, "filter.deadlineTo");
  filter.search = single(params, "filter.search");

  const request: BenchmarkRequest = {
    asOf: day(params, "asOf"),
    groupBy: list(params, "groupBy").map((d) => oneOf(benchmarkDimensions, d, "groupBy")),
    filter,
    peerGroup: single(params, "peerGroup"),
    having: params.getAll("having").map((spec, i) => having(spec, `having[${i}]`)),
    orderBy: list(params, "orderBy").map((spec, i) => order(spec, `orderBy[${i}]`)),
    first,
  };
  return { request, bom: flag(params, "bom") ?? false };
}

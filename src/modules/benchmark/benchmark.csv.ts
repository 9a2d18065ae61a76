import { once } from "node:events";
import type { ServerResponse } from "node:http";
import type { RouteHandler } from "../../app/http-server.js";
import type { AppContext } from "../../app/context.js";
import { AppError, errorResponseBody, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import type { ActionFilter } from "../action/action.input.js";
import type { ActionStatusValue } from "../action/action.repository.js";
import { actionStatus } from "../action/progress-update.table.js";
import { financialQuarter, financialYear } from "./benchmark.calendar.js";
import { benchmarkError, benchmarkErrorCodes } from "./benchmark.errors.js";
import type { BenchmarkHaving, BenchmarkOrder } from "./benchmark.input.js";
import {
  benchmarkDimensions,
  benchmarkMeasures,
  measureDefinitions,
  type BenchmarkDimensionValue,
  type BenchmarkMeasureValue,
  type BenchmarkRowValues,
} from "./benchmark.model.js";
import type { BenchmarkRequest, BenchmarkResultValues } from "./benchmark.service.js";

/**
 * GET /export/benchmark.csv: the `benchmark` query for spreadsheets. The query string carries the
 * same arguments as GraphQL, spelled for a URL:
 *
 *   asOf=2026-11-22  groupBy=COUNCIL,LGA_COMPONENT  peerGroup=greater-essex  first=10
 *   filter.councils=E07000073,E07000068  filter.themes=…  filter.statuses=COMPLETE,…  filter.peerGroup=…
 *   filter.overdue=true  filter.hasDeadline=false  filter.deadlineFrom=…  filter.deadlineTo=…  filter.search=…
 *   having=OVERDUE_RATE:gte:0.5 (repeatable; operators eq ne gt gte lt lte, onOrAfter before, isNull:true)
 *   orderBy=OVERDUE_RATE:desc,COUNCIL (measure or dimension, then :asc or :desc)
 *
 * The rows are the query's rows (totals are left out, as they would double count in a pivot
 * table); invalid parameters get HTTP 400 with a JSON body naming the code and the parameter.
 */
export const benchmarkCsvRoute: RouteHandler = async (req, res, url, app) => {
  const ctx = app.createContext({ authorization: req.headers.authorization });
  let result: BenchmarkResultValues;
  try {
    result = await ctx.services.benchmark.benchmark(parseBenchmarkQuery(url.searchParams), ctx.today);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    res.writeHead(400, { "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(errorResponseBody(error)));
    return;
  }
  const columns = await csvColumns(result, ctx);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="benchmark-${result.asOf}.csv"`,
    "cache-control": "no-store",
  });
  // The byte-order mark tells Excel the file is UTF-8 (council names, en dashes); CRLF per RFC 4180.
  await write(res, `\uFEFF${columns.map((c) => csvField(c.name, true)).join(",")}\r\n`);
  const chunkSize = 200;
  for (let i = 0; i < result.rows.length; i += chunkSize) {
    const lines = result.rows.slice(i, i + chunkSize).map((row) => `${columns.map((c) => c.value(row)).join(",")}\r\n`);
    await write(res, lines.join(""));
  }
  res.end();
};

async function write(res: ServerResponse, chunk: string): Promise<void> {
  if (!res.write(chunk)) await once(res, "drain");
}

interface CsvColumn {
  name: string;
  value(row: BenchmarkRowValues): string;
}

/**
 * RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled. Text that
 * starts like a formula (= + - @) gets a leading apostrophe so a spreadsheet shows it instead of
 * evaluating it; numbers and dates are never text here.
 */
export function csvField(value: string | number | boolean | null, isText = false): string {
  if (value === null) return "";
  let text = String(value);
  if (isText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Dimension columns (keys first, then names), `as_of`, then every measure, named in snake_case. */
async function csvColumns(result: BenchmarkResultValues, ctx: AppContext): Promise<CsvColumn[]> {
  const { rows, groupBy, asOf } = result;
  const ids = (pick: (r: BenchmarkRowValues) => number | null) => [
    ...new Set(rows.map(pick).filter((id): id is number => id !== null)),
  ];
  // Loaded together, so each kind of object costs one batched statement whatever the row count.
  const [councils, themes, challenges] = await Promise.all([
    ctx.loaders.council.byId.loadMany(ids((r) => r.councilId)),
    ctx.loaders.theme.byId.loadMany([...ids((r) => r.themeId), ...ids((r) => r.lgaComponentId)]),
    ctx.loaders.peerChallenge.byId.loadMany(ids((r) => r.peerChallengeId)),
  ]);
  const byId = <T extends { id: number }>(list: (T | null | Error)[]) =>
    new Map(list.filter((x): x is T => x !== null && !(x instanceof Error)).map((x) => [x.id, x]));
  const councilById = byId(councils);
  const themeById = byId(themes);
  const challengeById = byId(challenges);
  const challengeCouncils = await ctx.loaders.council.byId.loadMany([
    ...new Set([...challengeById.values()].map((c) => c.councilId)),
  ]);
  for (const c of byId(challengeCouncils).values()) councilById.set(c.id, c);

  const text = (v: string | null | undefined) => csvField(v ?? null, true);
  const plain = (v: string | number | null | undefined) => csvField(v ?? null);
  const columnsOf: Record<BenchmarkDimensionValue, CsvColumn[]> = {
    COUNCIL: [
      { name: "council_gss", value: (r) => plain(r.councilId === null ? null : councilById.get(r.councilId)?.gssCode) },
      { name: "council_name", value: (r) => text(r.councilId === null ? null : councilById.get(r.councilId)?.name) },
    ],
    LGA_COMPONENT: [
      {
        name: "lga_component_number",
        value: (r) => plain(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.position),
      },
      {
        name: "lga_component_code",
        value: (r) => text(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.code),
      },
      {
        name: "lga_component_name",
        value: (r) => text(r.lgaComponentId === null ? null : themeById.get(r.lgaComponentId)?.name),
      },
    ],
    THEME: [
      { name: "theme_code", value: (r) => text(r.themeId === null ? null : themeById.get(r.themeId)?.code) },
      { name: "theme_name", value: (r) => text(r.themeId === null ? null : themeById.get(r.themeId)?.name) },
    ],
    STATUS: [{ name: "status", value: (r) => text(r.status) }],
    COUNCIL_TYPE: [
      { name: "council_type_code", value: (r) => text(r.councilTypeCode) },
      { name: "council_type_name", value: (r) => text(r.councilTypeName) },
    ],
    REGION: [{ name: "region", value: (r) => text(r.region) }],
    PEER_CHALLENGE: [
      {
        name: "peer_challenge_id",
        value: (r) => plain(r.peerChallengeId === null ? null : toGlobalId("PeerChallenge", r.peerChallengeId)),
      },
      {
        name: "peer_challenge_council_gss",
        value: (r) => {
          const challenge = r.peerChallengeId === null ? undefined : challengeById.get(r.peerChallengeId);
          return plain(challenge ? councilById.get(challenge.councilId)?.gssCode : null);
        },
      },
      {
        name: "peer_challenge_title",
        value: (r) => text(r.peerChallengeId === null ? null : challengeById.get(r.peerChallengeId)?.title),
      },
      {
        name: "peer_challenge_held_on",
        value: (r) => plain(r.peerChallengeId === null ? null : challengeById.get(r.peerChallengeId)?.heldOn),
      },
    ],
    DEADLINE_QUARTER: [
      {
        name: "deadline_quarter",
        value: (r) => text(r.deadlineQuarterStart === null ? null : financialQuarter(r.deadlineQuarterStart).label),
      },
      { name: "deadline_quarter_start", value: (r) => plain(r.deadlineQuarterStart) },
      {
        name: "deadline_quarter_end",
        value: (r) => plain(r.deadlineQuarterStart === null ? null : financialQuarter(r.deadlineQuarterStart).endsOn),
      },
    ],
    DEADLINE_YEAR: [
      {
        name: "deadline_year",
        value: (r) => text(r.deadlineYearStart === null ? null : financialYear(r.deadlineYearStart).label),
      },
      { name: "deadline_year_start", value: (r) => plain(r.deadlineYearStart) },
      {
        name: "deadline_year_end",
        value: (r) => plain(r.deadlineYearStart === null ? null : financialYear(r.deadlineYearStart).endsOn),
      },
    ],
  };
  return [
    ...groupBy.flatMap((d) => columnsOf[d]),
    { name: "as_of", value: () => asOf },
    ...measureDefinitions.map((d): CsvColumn => ({ name: d.column, value: (r) => plain(r.measures[d.field]) })),
  ];
}

const scalarParameters = ["asOf", "groupBy", "peerGroup", "first", "having", "orderBy"] as const;
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

/** The query string as a BenchmarkRequest; the service then validates it exactly as it validates GraphQL arguments. */
export function parseBenchmarkQuery(params: URLSearchParams): BenchmarkRequest {
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
    oneOf(actionStatus.enumValues, s, "filter.statuses"),
  );
  if (statuses.length) filter.statuses = statuses;
  filter.peerGroup = single(params, "filter.peerGroup");
  filter.overdue = flag(params, "filter.overdue");
  filter.hasDeadline = flag(params, "filter.hasDeadline");
  filter.deadlineFrom = day(params, "filter.deadlineFrom");
  filter.deadlineTo = day(params, "filter.deadlineTo");
  filter.search = single(params, "filter.search");

  return {
    asOf: day(params, "asOf"),
    groupBy: list(params, "groupBy").map((d) => oneOf(benchmarkDimensions, d, "groupBy")),
    filter,
    peerGroup: single(params, "peerGroup"),
    having: params.getAll("having").map((spec, i) => having(spec, `having[${i}]`)),
    orderBy: list(params, "orderBy").map((spec, i) => order(spec, `orderBy[${i}]`)),
    first,
  };
}

import type { AppContext, ContextFactory } from "../../context.js";
import { AppError, errorResponseBody } from "../../shared/errors/app-error.js";
import { sendJson } from "../../shared/http/json-response.js";
import type { RouteHandler } from "../../shared/http/route-handler.js";
import { httpCaller } from "../../shared/http/http-caller.js";
import { sendRefusal } from "../../shared/http/refusal-response.js";
import { parseBenchmarkCsvParameters } from "./benchmark-csv.params.js";
import { csvColumns, writeCsv } from "./benchmark-csv.writer.js";
import type { BenchmarkResultValues } from "./benchmark.service.js";

/**
 * GET /export/benchmark.csv: the `benchmark` query for spreadsheets. The query string carries the
 * same arguments as GraphQL, spelled for a URL:
 *
 *   asOf=2026-11-22  groupBy=COUNCIL,LGA_COMPONENT  peerGroup=greater-essex  first=10
 *   filter.councils=E07000073,E07000068  filter.themes=…  filter.statuses=COMPLETE,…  filter.peerGroup=…
 *   filter.overdue=true  filter.hasDeadline=false  filter.deadlineFrom=…  filter.deadlineTo=…  filter.search=…
 *   having=OVERDUE_RATE:gte:0.5 (repeatable; operators eq ne gt gte lt lte, onOrAfter before, isNull:true)
 *   orderBy=OVERDUE_RATE:desc,COUNCIL (measure or dimension, then :asc or :desc)
 *   bom=true (start with a UTF-8 byte-order mark, for Excel; default: none)
 *
 * The rows are the query's rows (totals are left out, as they would double count in a pivot
 * table); invalid parameters get HTTP 400 with a JSON body naming the code and the parameter.
 */
export const benchmarkCsvRoute: RouteHandler<ContextFactory> = async (req, res, url, app) => {
  let ctx: AppContext;
  try {
    ctx = await app.createContext(httpCaller(req));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    sendRefusal(res, error);
    return;
  }
  let result: BenchmarkResultValues;
  let bom: boolean;
  try {
    const parameters = parseBenchmarkCsvParameters(url.searchParams);
    bom = parameters.bom;
    result = await ctx.services.benchmark.benchmark(ctx.identity, parameters.request, ctx.today);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    sendJson(res, 400, errorResponseBody(error));
    return;
  }
  const columns = await csvColumns(result, ctx);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="benchmark-${result.asOf}.csv"`,
    "cache-control": "no-store",
  });
  await writeCsv(res, columns, result.rows, { bom });
};

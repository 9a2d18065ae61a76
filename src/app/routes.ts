import { benchmarkCsvRoute } from "../modules/benchmark/benchmark-csv.route.js";
import type { RouteHandler } from "../shared/http/route-handler.js";
import type { App } from "./app.js";

/** GET routes beside /graphql. */
export const httpRoutes: Record<string, RouteHandler<App>> = {
  "/export/benchmark.csv": benchmarkCsvRoute,
};

import { benchmarkCsvRoute } from "../modules/benchmark/benchmark-csv.route.js";
import type { RouteHandler } from "./http-server.js";

/** GET routes beside /graphql. */
export const httpRoutes: Record<string, RouteHandler> = {
  "/export/benchmark.csv": benchmarkCsvRoute,
};

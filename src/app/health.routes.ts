import type { ServerResponse } from "node:http";
import type { RouteHandler } from "../shared/http/route-handler.js";
import type { App } from "./app.js";

/** The IETF health-check media type (draft-inadarei-api-health-check), which load balancers and probes read. */
const healthMediaType = "application/health+json";

function sendHealth(res: ServerResponse, status: 200 | 503, body: unknown): void {
  res.writeHead(status, { "content-type": healthMediaType, "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

const serviceId = "cpc-graph";

/** Liveness: the process is up and its event loop turns. Never asks the database, so it never flaps with it. */
const live: RouteHandler<App> = (_req, res) => {
  sendHealth(res, 200, { status: "pass", serviceId, description: "process is up" });
  return Promise.resolve();
};

/**
 * Readiness: the database answers within READINESS_TIMEOUT_MS and holds every migration this code
 * ships; 503 otherwise, so a load balancer sends traffic elsewhere while the database is away.
 */
const ready: RouteHandler<App> = async (_req, res, _url, app) => {
  const health = await app.readiness();
  sendHealth(res, health.ready ? 200 : 503, {
    status: health.ready ? "pass" : "fail",
    serviceId,
    description: health.ready ? "ready to serve" : "not ready: see checks",
    checks: health.checks,
  });
};

/** Health probes beside /graphql; /healthz is the old name of /livez and stays for the probes that use it. */
export const healthRoutes: Record<string, RouteHandler<App>> = { "/livez": live, "/healthz": live, "/readyz": ready };

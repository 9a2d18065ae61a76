import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppConfig } from "../config.js";
import { AppError, errorResponseBody, sharedErrorCodes } from "../shared/errors/app-error.js";
import { sendJson } from "../shared/http/json-response.js";
import { resolveInside, sendStaticFile } from "../shared/http/static-files.js";

/** The dashboard is one page that reads its view from the path: each of these serves it. */
export const dashboardPaths = ["/", "/council", "/overdue", "/drafts"] as const;

/**
 * Whether a GET to /graphql is a person opening it: a browser asks for HTML, while GraphQL clients
 * ask for JSON, and a `query` parameter is a GraphQL GET request whatever it accepts.
 */
function isBrowserVisit(req: IncomingMessage, url: URL): boolean {
  return (req.headers.accept ?? "").includes("text/html") && !url.searchParams.has("query");
}

/**
 * Serves the built pages (dist/web) beside the API: the dashboard at its paths, the explorer at
 * /graphql for browsers, and their hashed assets. Answers false for anything else, which the HTTP
 * server then routes as before.
 */
export function createWebPages(
  config: Pick<AppConfig, "explorer" | "dashboard" | "webDir">,
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const page = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (await sendStaticFile(req, res, path.join(config.webDir, name), "revalidate")) return true;
    const error = new AppError(
      sharedErrorCodes.routeNotFound,
      `The pages are not built in ${path.relative(process.cwd(), config.webDir) || "."}: run npm run build (npm start does)`,
    );
    sendJson(res, 404, errorResponseBody(error));
    return true;
  };
  return async (req, res, url) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (url.pathname === "/graphql")
      return config.explorer && isBrowserVisit(req, url) ? page(req, res, "explorer.html") : false;
    if (config.dashboard && (dashboardPaths as readonly string[]).includes(url.pathname))
      return page(req, res, "index.html");
    if ((config.dashboard || config.explorer) && url.pathname.startsWith("/assets/")) {
      const file = resolveInside(config.webDir, url.pathname);
      return file !== null && sendStaticFile(req, res, file, "immutable");
    }
    return false;
  };
}

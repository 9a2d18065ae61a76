import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HeaderMap } from "@apollo/server";
import { AppError, errorResponseBody, sharedErrorCodes } from "../shared/errors/app-error.js";
import type { ErrorCode } from "../shared/errors/error-code.js";
import { runInRequestContext } from "../shared/request-context.js";
import { beginRequest } from "./access-log.js";
import type { App } from "./app.js";
import { isMultipart, multipartBodyLimit, MultipartRefused, parseMultipartRequest } from "./multipart-request.js";
import { sendJson } from "../shared/http/json-response.js";
import type { RouteHandler } from "../shared/http/route-handler.js";
import { httpCaller } from "../shared/http/http-caller.js";
import { sendRefusal } from "../shared/http/refusal-response.js";
import {
  databaseFailureOf,
  serviceRetryAfterSeconds,
  serviceUnavailableError,
} from "../shared/database/database-failure.js";
import { logDatabaseFailure } from "./database-failure.log.js";
import { healthRoutes } from "./health.routes.js";
import { createWebPages } from "./web-pages.js";

class BodyTooLarge extends Error {}
class RequestAborted extends Error {}

/**
 * Reads the body up to `limit` bytes. Past the limit it keeps reading but discards, so the client
 * finishes sending and sees the 413 (breaking off the read would reset the connection under it).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers["content-length"] ?? 0) > limit;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Counted as it streams: a missing or false Content-Length cannot slip a large body past the limit.
      if (size > limit) tooLarge = true;
      // Draining has a bound too: a client streaming without end is cut off.
      if (size > limit * 16) req.destroy();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => (tooLarge ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on("error", reject);
    // A destroyed request never ends: settle rather than leave the handler waiting for ever.
    req.on("close", () => {
      if (!req.complete) reject(tooLarge ? new BodyTooLarge() : new RequestAborted());
    });
  });
}

function errorBody(message: string, code: ErrorCode) {
  return errorResponseBody(new AppError(code, message));
}

/**
 * Serves /graphql through Apollo's HTTP integration API, plus any extra GET routes (CSV exports) and
 * the built pages (the dashboard, and the explorer for browsers opening /graphql).
 */
export function createHttpServer(app: App, routes: Record<string, RouteHandler<App>> = {}): Server {
  const webPages = createWebPages(app.config);
  const server = createServer((req, res) => {
    trackInFlight(server, res);
    const deadline = requestDeadline(res, app.config.requestDeadlineMs);
    runInRequestContext(beginRequest(app.logger, req, res, deadline.signal), () => {
      void Promise.race([handle(req, res, deadline.signal), deadline.passed])
        .catch((error: unknown) => answerFailure(app, res, error))
        .finally(deadline.clear);
    });
  });
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const health = healthRoutes[url.pathname];
    if (health && (req.method === "GET" || req.method === "HEAD")) return health(req, res, url, app);
    const route = routes[url.pathname];
    if (route && req.method === "GET") return route(req, res, url, app);
    if (await webPages(req, res, url)) return;
    if (url.pathname !== "/graphql")
      return sendJson(
        res,
        404,
        errorBody(`No route ${url.pathname}; the API is at /graphql`, sharedErrorCodes.routeNotFound),
      );

    // A multipart upload carries one document in its own limit; every other body keeps the JSON one.
    const multipart = req.method === "POST" && isMultipart(req.headers["content-type"]);
    const uploads = { maxFileBytes: app.config.importMaxDocumentBytes, maxFiles: 1 };
    const limit = multipart ? multipartBodyLimit(uploads) : app.config.bodyLimitBytes;
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof RequestAborted) return;
      if (error instanceof BodyTooLarge) {
        const what = multipart
          ? `The multipart request body is over the limit of ${limit} bytes (IMPORT_MAX_DOCUMENT_BYTES for the document, ${limit - uploads.maxFileBytes} for the other parts)`
          : `The request body is over the limit of ${limit} bytes`;
        return sendJson(res, 413, errorBody(what, sharedErrorCodes.bodyTooLarge));
      }
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const body = multipart ? "" : raw.toString("utf8");
    let parsed: unknown = body;
    if (multipart) {
      try {
        // Apollo still sees the multipart content type, so its CSRF prevention asks for a preflight header.
        parsed = await parseMultipartRequest(req.headers, raw, uploads);
      } catch (error) {
        if (error instanceof MultipartRefused) return sendJson(res, error.status, errorResponseBody(error.error));
        throw error;
      }
    } else if ((headers.get("content-type") ?? "").includes("application/json") && body !== "") {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, errorBody("The request body is not valid JSON", sharedErrorCodes.badJson));
      }
    }
    // Who is asking is settled before GraphQL runs: a key that cannot be used is answered with 401,
    // an address that has presented too many of them with 429.
    let context: Awaited<ReturnType<App["createContext"]>>;
    try {
      context = await app.createContext(httpCaller(req));
    } catch (error) {
      if (error instanceof AppError) return sendRefusal(res, error);
      throw error;
    }
    const result = await app.server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? "GET").toUpperCase(), headers, search: url.search, body: parsed },
      context: () => Promise.resolve(context),
    });
    // Past the deadline the client has had its 503; what the cancelled work made of itself is dropped.
    if (signal.aborted) return;
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** A request's deadline passed before its answer was ready. */
class DeadlinePassed extends Error {}

/**
 * The request's deadline: `passed` rejects when REQUEST_DEADLINE_MS is over, and `signal` aborts
 * then or as soon as the client goes away, cancelling the request's SQL (request-bound-client.ts).
 */
function requestDeadline(res: ServerResponse, deadlineMs: number) {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort(new DeadlinePassed());
      reject(new DeadlinePassed());
    }, deadlineMs);
  });
  // Only the race in the request handler listens; a request that finished in time never rejects it.
  passed.catch(() => undefined);
  res.once("close", () => {
    clearTimeout(timer);
    if (!res.writableFinished) controller.abort(new RequestAborted());
  });
  return { signal: controller.signal, passed, clear: () => clearTimeout(timer) };
}

/**
 * The answer to whatever a request's handler could not deal with itself: the deadline passing or
 * the database failing become 503 with `Retry-After` and a coded error (the database's own words
 * go to the log with the request id, never to the client); anything else is a bug, logged and
 * answered 500 `internal`.
 */
function answerFailure(app: App, res: ServerResponse, error: unknown): void {
  const failure = error instanceof DeadlinePassed ? null : databaseFailureOf(error);
  if (error instanceof DeadlinePassed || failure !== null) {
    const kind = failure?.kind ?? "timeout";
    logDatabaseFailure(app.logger, kind, failure);
    if (res.headersSent) return void res.destroy();
    res.setHeader("retry-after", String(serviceRetryAfterSeconds));
    return sendJson(res, 503, errorResponseBody(serviceUnavailableError(kind, app.config.requestDeadlineMs)));
  }
  app.logger.error("unhandled HTTP error", { error: error instanceof Error ? error.stack : String(error) });
  if (!res.headersSent) sendJson(res, 500, errorBody("Internal server error", sharedErrorCodes.internal));
  else res.end();
}

/** The port cannot be listened on; the message says why in one line, fit to show as it is. */
export class PortUnavailableError extends Error {
  override name = "PortUnavailableError";
}

/** Listens, turning the usual refusals (port taken, no privilege, foreign address) into one line each. */
export function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const where = host === undefined ? `port ${port}` : `port ${port} on ${host}`;
      const reason: Record<string, string> = {
        EADDRINUSE: `${where} is in use`,
        EACCES: `${where} needs privileges this process does not have`,
        EADDRNOTAVAIL: `HOST ${host} is not an address of this machine`,
        ENOTFOUND: `HOST ${host} is not a known host name`,
      };
      const known = error.code === undefined ? undefined : reason[error.code];
      reject(known === undefined ? error : new PortUnavailableError(known));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}

const inFlight = new WeakMap<Server, Set<ServerResponse>>();

/** Remembers the response until it is done, so that a shutdown can tell it to close its connection. */
function trackInFlight(server: Server, res: ServerResponse): void {
  let responses = inFlight.get(server);
  if (!responses) inFlight.set(server, (responses = new Set()));
  responses.add(res);
  res.once("close", () => responses.delete(res));
}

/**
 * Stops accepting connections and lets in-flight requests finish; keep-alive connections are
 * closed as soon as they fall idle, and whatever is still open after `graceMs` is cut. Resolves
 * once every connection is gone, telling whether any had to be cut.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<{ cut: boolean }> {
  return new Promise((resolve) => {
    let cut = false;
    // Answered in full, but told the connection will not be reused: the server is going away.
    const closeAfterwards = (res: ServerResponse) => {
      if (!res.headersSent) res.setHeader("connection", "close");
    };
    for (const res of inFlight.get(server) ?? []) closeAfterwards(res);
    const onRequest = (_req: IncomingMessage, res: ServerResponse) => closeAfterwards(res);
    server.prependListener("request", onRequest);
    // Node closes idle connections once, at close(); those whose response finishes later need this.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      server.off("request", onRequest);
      resolve({ cut });
    });
  });
}

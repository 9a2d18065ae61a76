import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "../shared/logger.js";
import { currentRequest, type RequestContext } from "../shared/request-context.js";

export const requestIdHeader = "x-request-id";

const healthPaths = new Set(["/healthz", "/livez", "/readyz"]);

// Visible ASCII only and bounded: the id is copied into every log line and back into a header.
const acceptableRequestId = /^[\x21-\x7e]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token (a proxy's or client's), else a fresh UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers[requestIdHeader];
  return typeof given === "string" && acceptableRequestId.test(given) ? given : randomUUID();
}

/**
 * Gives the request its id (echoed in the response header) and arranges for one access log line
 * when the response is done. Health probes are logged at debug level only: they would drown the rest.
 */
export function beginRequest(
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  signal?: AbortSignal,
): RequestContext {
  const context: RequestContext = { id: requestIdFor(req), statements: 0, operationName: null, signal };
  res.setHeader(requestIdHeader, context.id);
  const started = performance.now();
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  logger.debug("request started", { requestId: context.id, method: req.method, path });
  res.once("close", () => {
    const fields = {
      requestId: context.id,
      method: req.method,
      path,
      operationName: context.operationName,
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      statements: context.statements,
      // The client went away before the whole answer was sent.
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (healthPaths.has(path)) logger.debug("request", fields);
    else logger.info("request", fields);
  });
  return context;
}

/** Tells the access log which operation Apollo ran, including one picked without `operationName`. */
export function operationNamePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart({ request }) {
      const context = currentRequest();
      if (context) context.operationName = request.operationName ?? null;
      return Promise.resolve({
        didResolveOperation({ operationName }) {
          if (context) context.operationName = operationName;
          return Promise.resolve();
        },
      });
    },
  };
}

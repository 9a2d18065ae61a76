import type { ServerResponse } from "node:http";
import { errorResponseBody, type AppError } from "../errors/app-error.js";
import { RateLimitedError } from "../rate-limit/rate-limit.errors.js";
import { sendJson } from "./json-response.js";

/**
 * Answers a request refused before it ran, while its caller was identified: 429 with `Retry-After`
 * when a rate limit refused it, 401 when its credential cannot be used.
 */
export function sendRefusal(res: ServerResponse, error: AppError): void {
  if (error instanceof RateLimitedError) {
    res.setHeader("retry-after", String(error.retryAfterSeconds));
    return sendJson(res, 429, errorResponseBody(error));
  }
  sendJson(res, 401, errorResponseBody(error));
}

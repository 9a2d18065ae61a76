import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { serviceRetryAfterSeconds } from "../shared/database/database-failure.js";

/**
 * A response carrying a SERVICE_UNAVAILABLE error (database unavailable, deadline passed) is
 * answered with HTTP 503 and `Retry-After`, as proxies and clients expect of a failure worth
 * retrying, rather than 200 like a bug or a partial answer.
 */
export function serviceUnavailablePlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== "single") return Promise.resolve();
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some((error) => error.extensions?.["code"] === "SERVICE_UNAVAILABLE")) {
            response.http.status = 503;
            response.http.headers.set("retry-after", String(serviceRetryAfterSeconds));
          }
          return Promise.resolve();
        },
      });
    },
  };
}

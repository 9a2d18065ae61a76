import type { AddressInfo } from "node:net";
import type { App } from "../../src/app/app.js";
import { createHttpServer, listen } from "../../src/app/http-server.js";
import { httpRoutes } from "../../src/app/routes.js";

/** The app behind its real HTTP server on a free loopback port, as `npm start` serves it. */
export async function serveOverHttp(app: App): Promise<{ base: string; close(): Promise<void> }> {
  const server = createHttpServer(app, httpRoutes);
  await listen(server, 0, "127.0.0.1");
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs one GraphQL operation as JSON. */
export function postGraphql(base: string, query: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
    ...init,
  });
}

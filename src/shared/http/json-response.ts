import type { ServerResponse } from "node:http";

/** Answers with a JSON body: the error bodies of /graphql's neighbours and of the HTTP routes. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

import type { GraphiQL } from "graphiql";
import type { ComponentProps } from "react";

type Fetcher = ComponentProps<typeof GraphiQL>["fetcher"];

/**
 * A plain POST to the service's own /graphql. GraphiQL's headers editor adds an Authorization
 * header for mutations; the toolkit's own fetcher is not used because it pulls in a websocket client
 * this service has no use for.
 */
export function graphqlFetcher(url: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options?.headers },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}

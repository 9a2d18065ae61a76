import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A GET route beside /graphql. `App` is what the route needs of the application (a context
 * factory, usually), so routes in modules never import the composition root.
 */
export type RouteHandler<App> = (req: IncomingMessage, res: ServerResponse, url: URL, app: App) => Promise<void>;

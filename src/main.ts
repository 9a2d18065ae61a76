import "reflect-metadata";
import type { Server } from "node:http";
import { ConfigError, loadConfig, type AppConfig } from "./config.js";
import type { App } from "./app/app.js";
import { closeGracefully, createHttpServer, listen, PortUnavailableError } from "./app/http-server.js";
import { httpRoutes } from "./app/routes.js";
import { startApp } from "./app/start.js";
import { DatabaseUnavailableError, type DatabaseHandle } from "./shared/database/database.js";
import { createLogger, type Logger } from "./shared/logger.js";

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { app, database } = await startApp(config, logger);
  const server = createHttpServer(app, httpRoutes);
  await listen(server, config.port, config.host);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info("cpc-graph is serving", {
    url: `http://localhost:${port}/graphql`,
    database: database.driver === "pglite" ? `PGlite at ${config.pgliteDataDir}` : "PostgreSQL (DATABASE_URL)",
    startMs: Math.round(performance.now() - startedAt),
  });
  stopOnSignals({ server, app, database, config, logger });
}

/**
 * The one owner of SIGINT/SIGTERM (Apollo's handlers are off): stop accepting, let in-flight
 * requests finish within SHUTDOWN_GRACE_MS, close the database, exit 0. A second signal exits at once.
 */
function stopOnSignals(running: {
  server: Server;
  app: App;
  database: DatabaseHandle;
  config: AppConfig;
  logger: Logger;
}): void {
  const { server, app, database, config, logger } = running;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    const startedAt = performance.now();
    logger.info("shutting down", { signal, graceMs: config.shutdownGraceMs });
    const { cut } = await closeGracefully(server, config.shutdownGraceMs);
    await app.stop();
    await database.close();
    logger.info("cpc-graph stopped", {
      signal,
      durationMs: Math.round(performance.now() - startedAt),
      ...(cut ? { cutConnections: true } : {}),
    });
    process.exit(0);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn("second signal: exiting without waiting for requests", { signal });
      process.exit(1);
    }
    stopping = true;
    stop(signal).catch((error: unknown) => {
      logger.error("shutdown failed", { error: error instanceof Error ? error.stack : String(error) });
      process.exit(1);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

main().catch((error: unknown) => {
  // Problems of the surroundings get one line and no stack; anything else is a bug and keeps its stack.
  const known = error instanceof PortUnavailableError || error instanceof DatabaseUnavailableError;
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : known
        ? `cpc-graph cannot start: ${error.message}\n`
        : `cpc-graph failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

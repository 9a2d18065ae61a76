import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { closeGracefully, createHttpServer, listen, PortUnavailableError } from "./app/http-server.js";
import { httpRoutes } from "./app/routes.js";
import { startApp } from "./app/start.js";
import { DatabaseUnavailableError } from "./shared/database/database.js";
import { createLogger, type Logger } from "./shared/logger.js";

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const signals = ownSignals(logger);
  const { app, database } = await startApp(config, logger);
  const server = createHttpServer(app, httpRoutes);
  // A signal during migrating or seeding waited for that step (PGlite must not die mid-write). Its
  // delivery may still be queued behind that synchronous work: one turn of the event loop lets it in.
  await new Promise((resolve) => setImmediate(resolve));
  if (signals.received() === null) await listen(server, config.port, config.host);
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  if (signals.received() === null) {
    logger.info("cpc-graph is serving", {
      url: `http://localhost:${port}/graphql`,
      database: database.driver === "pglite" ? `PGlite at ${config.pgliteDataDir}` : "PostgreSQL (DATABASE_URL)",
      startMs: Math.round(performance.now() - startedAt),
    });
  }
  signals.stopWith(async (signal) => {
    const stoppingAt = performance.now();
    logger.info("shutting down", { signal, graceMs: config.shutdownGraceMs });
    const { cut } = server.listening ? await closeGracefully(server, config.shutdownGraceMs) : { cut: false };
    await app.stop();
    await database.close();
    logger.info("cpc-graph stopped", {
      signal,
      durationMs: Math.round(performance.now() - stoppingAt),
      ...(cut ? { cutConnections: true } : {}),
    });
    process.exit(0);
  });
}

/**
 * The one owner of SIGINT/SIGTERM (Apollo's handlers are off), from the first moment of the
 * process: a signal while starting is held until the step under way is done, then stops the
 * service as one while serving does — stop accepting, let in-flight requests finish within
 * SHUTDOWN_GRACE_MS, close the database, exit 0. A second signal exits at once with 1.
 * The listeners stay registered throughout: removing Node's last listener for a signal drops a
 * delivery still queued behind synchronous work (PGlite's), and the signal would be lost.
 */
function ownSignals(logger: Logger): {
  received(): NodeJS.Signals | null;
  stopWith(stop: (signal: NodeJS.Signals) => Promise<void>): void;
} {
  let received: NodeJS.Signals | null = null;
  let stopper: ((signal: NodeJS.Signals) => Promise<void>) | null = null;
  let stopping = false;
  const run = (signal: NodeJS.Signals) => {
    if (stopper === null || stopping) return;
    stopping = true;
    stopper(signal).catch((error: unknown) => {
      logger.error("shutdown failed", { error: error instanceof Error ? error.stack : String(error) });
      process.exit(1);
    });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (received !== null) {
      logger.warn("second signal: exiting without waiting for requests", { signal });
      process.exit(1);
    }
    received = signal;
    if (stopper === null) logger.info("signal while starting: stopping once the current step is done", { signal });
    run(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    received: () => received,
    stopWith(stop) {
      stopper = stop;
      if (received !== null) run(received);
    },
  };
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

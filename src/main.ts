import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { createHttpServer } from "./app/http-server.js";
import { startApp } from "./app/start.js";
import { createLogger } from "./shared/logger.js";
import { httpRoutes } from "./app/routes.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { app, database } = await startApp(config, logger);
  const server = createHttpServer(app, httpRoutes);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    logger.info("cpc-graph is serving", {
      url: `http://localhost:${port}/graphql`,
      database: database.driver === "pglite" ? `PGlite at ${config.pgliteDataDir}` : "PostgreSQL (DATABASE_URL)",
    });
  });
  const stop = async () => {
    server.close();
    await app.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `cpc-graph failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

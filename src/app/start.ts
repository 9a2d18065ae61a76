import { createServer } from "node:http";
import type { AppConfig } from "../config.js";
import { openDatabase, sqlDebugLogger, type DatabaseHandle } from "../shared/database/database.js";
import type { Logger } from "../shared/logger.js";
import { createApp, type App } from "./app.js";
import { listen } from "./http-server.js";
import { seedIfEmpty } from "./seed.js";

/**
 * Checks the port and the database first, so that either problem is one line within a second
 * rather than a stack trace after migrating and seeding; then migrates, seeds when empty, and
 * builds the app, one instance at a time.
 */
export async function startApp(config: AppConfig, logger: Logger): Promise<{ app: App; database: DatabaseHandle }> {
  await checkPortIsFree(config.port, config.host);
  const database = await openDatabase({ ...config, queryLogger: sqlDebugLogger(logger) });
  try {
    // Instances starting together on one PostgreSQL take turns: the first migrates and seeds, the
    // others find it done.
    const app = await database.exclusively(async () => {
      await database.migrate();
      const built = await createApp({ db: database.db, config, logger });
      await seedIfEmpty({ repos: built.repositories, services: built.services, config, logger });
      return built;
    });
    return { app, database };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Binds the port once and lets it go: the real listen comes after the slow part of the start. */
async function checkPortIsFree(port: number, host: string | undefined): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listen(probe, port, host);
  await new Promise((resolve) => probe.close(resolve));
}

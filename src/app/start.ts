import type { AppConfig } from "../config.js";
import { openDatabase, type DatabaseHandle } from "../shared/database/database.js";
import type { Logger } from "../shared/logger.js";
import { createApp, type App } from "./app.js";
import { seedIfEmpty } from "./seed.js";

/** Opens and migrates the configured database, seeds it when empty, and builds the app. */
export async function startApp(config: AppConfig, logger: Logger): Promise<{ app: App; database: DatabaseHandle }> {
  const database = await openDatabase(config);
  await database.migrate();
  const app = await createApp({ db: database.db, config, logger });
  await seedIfEmpty({ repos: app.repositories, services: app.services, config, logger });
  return { app, database };
}

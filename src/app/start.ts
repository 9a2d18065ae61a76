import type { AppConfig } from "../config.js";
import { openDatabase, type DatabaseHandle } from "../shared/database/database.js";
import type { Logger } from "../shared/logger.js";
import { createApp, createRepositories, type App } from "./app.js";
import { seedDatabase } from "./seed.js";

/** Opens and migrates the configured database, seeds it when empty, and builds the app. */
export async function startApp(config: AppConfig, logger: Logger): Promise<{ app: App; database: DatabaseHandle }> {
  const database = await openDatabase(config);
  await database.migrate();
  const app = await createApp({ db: database.db, config, logger });
  const repos = createRepositories(database.db);
  if (config.seedOnStart && (await repos.council.countAll()) === 0) {
    logger.info("empty database: seeding");
    await seedDatabase({ repos, services: app.services, projectRoot: config.projectRoot, logger });
  }
  return { app, database };
}

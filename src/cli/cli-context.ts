import "reflect-metadata";
import { loadConfig } from "../config.js";
import { openDatabase } from "../shared/database/database.js";
import { createLogger } from "../shared/logger.js";
import { createRepositories, createServices } from "../app/app.js";

/** Config, a migrated database, repositories and services: what every command needs. */
export async function openCli() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config);
  await database.migrate();
  const repos = createRepositories(database.db);
  const services = createServices(repos, config);
  return { config, logger, database, repos, services };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

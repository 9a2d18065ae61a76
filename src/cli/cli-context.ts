import "reflect-metadata";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadConfig } from "../config.js";
import { openDatabase, sqlDebugLogger } from "../shared/database/database.js";
import { createLogger } from "../shared/logger.js";
import { createRepositories, createServices } from "../app/app.js";
import { seedIfEmpty } from "../app/seed.js";

/**
 * Config, a migrated database, repositories and services: what every command needs. An empty
 * database is seeded first (as `npm start` does), so that imports find the council register.
 */
export async function openCli({ seed = true } = {}) {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // LOG_LEVEL=debug shows each statement on stderr, as it does for the server.
  const database = await openDatabase({ ...config, queryLogger: sqlDebugLogger(logger) });
  await database.migrate();
  const repos = createRepositories(database.db);
  const services = createServices(repos, config, logger);
  if (seed) await seedIfEmpty({ repos, services, config, logger });
  return { config, logger, database, repos, services };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The command line parsed against `options`; a wrong option ends the command with the usage. */
export function parseCommandLine<const O extends NonNullable<ParseArgsConfig["options"]>>(options: O, usage: string) {
  try {
    return parseArgs({ allowPositionals: true, options, args: process.argv.slice(2) });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
}

/**
 * A command with no options but --help that works on the services: prints `usage` for --help,
 * otherwise runs `body` and closes the database whatever happens. Resolves to the exit status.
 */
export async function runServicesCommand(
  usage: string,
  body: (cli: Awaited<ReturnType<typeof openCli>>) => Promise<void>,
): Promise<number> {
  const { values } = parseCommandLine({ help: { type: "boolean", default: false } } as const, usage);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const cli = await openCli();
  try {
    await body(cli);
    return 0;
  } finally {
    await cli.database.close();
  }
}

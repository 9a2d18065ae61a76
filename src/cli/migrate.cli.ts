import { openCli } from "./cli-context.js";

const { database, logger } = await openCli({ seed: false });
logger.info("migrations applied", { driver: database.driver });
await database.close();

import { seedDatabase } from "../app/seed.js";
import { openCli } from "./cli-context.js";

const { config, database, repos, services, logger } = await openCli({ seed: false });
const summary = await seedDatabase({ repos, services, projectRoot: config.projectRoot, logger });
process.stdout.write(
  `Seeded ${summary.councils} councils, ${summary.peerGroups} peer groups, ${summary.themes} themes, ${summary.plans.length} plans:\n` +
    summary.plans
      .map(
        (p) =>
          `  ${p.filename}: ${p.outcome}, ${p.recommendations} recommendations, ${p.actions} actions, ${p.statusChanges} status changes`,
      )
      .join("\n") +
    "\n",
);
await database.close();

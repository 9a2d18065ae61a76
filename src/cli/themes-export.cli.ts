import "reflect-metadata";
import path from "node:path";
import { loadOverrides } from "../modules/theme/theme.taxonomy.js";
import { runServicesCommand } from "./cli-context.js";

const usage = `Usage: npm run themes:export [-- --help]

Writes every hand theme classification as labelled JSON lines on standard output, one
recommendation a line: the entries of seeds/themes/overrides.json and the recommendations with
hand theme links stored in the database (DATABASE_URL, or the embedded default), each with its
council, reference, sub-themes (primary first), title, text, theme label and actions, the shape
of seeds/themes/labelled.json's entries, for adding to the labelled set or tuning the rules.`;

process.exitCode = await runServicesCommand(usage, async ({ config, services }) => {
  const overrides = loadOverrides(path.join(config.projectRoot, "seeds", "themes"));
  for (const line of await services.theme.corrections(overrides)) process.stdout.write(`${JSON.stringify(line)}\n`);
});

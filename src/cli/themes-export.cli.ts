import "reflect-metadata";
import path from "node:path";
import { loadOverrides } from "../modules/theme/theme.taxonomy.js";
import { openCli, parseCommandLine } from "./cli-context.js";

const usage = `Usage: npm run themes:export [-- --help]

Writes every hand theme classification as labelled JSON lines on standard output, one
recommendation a line: the entries of seeds/themes/overrides.json and the recommendations with
hand theme links stored in the database (DATABASE_URL, or the embedded default), each with its
council, reference, sub-themes (primary first), title, text, theme label and actions, the shape
of seeds/themes/labelled.json's entries, for adding to the labelled set or tuning the rules.`;

async function main(): Promise<number> {
  const { values } = parseCommandLine({ help: { type: "boolean", default: false } } as const, usage);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const { config, database, services } = await openCli();
  try {
    const overrides = loadOverrides(path.join(config.projectRoot, "seeds", "themes"));
    for (const line of await services.theme.corrections(overrides)) process.stdout.write(`${JSON.stringify(line)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();

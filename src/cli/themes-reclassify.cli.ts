import "reflect-metadata";
import path from "node:path";
import { loadOverrides, loadRules } from "../modules/theme/theme.taxonomy.js";
import { runServicesCommand } from "./cli-context.js";

const usage = `Usage: npm run themes:reclassify [-- --help]

Classifies every recommendation in the database (DATABASE_URL, or the embedded default) again
with seeds/themes/ as it is now (rules, vocabulary, overrides), after any of them changed.
Recommendations with a hand theme link (an override or an editor's correction) keep it untouched.
Prints how many recommendations were examined and how many now have other sub-themes.`;

process.exitCode = await runServicesCommand(usage, async ({ config, services }) => {
  const themesDir = path.join(config.projectRoot, "seeds", "themes");
  const { examined, changed } = await services.theme.reclassify(loadRules(themesDir), loadOverrides(themesDir));
  process.stdout.write(`examined ${examined}, changed ${changed}\n`);
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { todayIso } from "../shared/graphql/local-date.scalar.js";
import { AppError } from "../shared/errors/app-error.js";
import type { ImportReport, ImportResult } from "../modules/import/import.service.js";
import { fail, openCli } from "./cli-context.js";

const usage = `Usage: npm run import -- <files…> --council <GSS> [--challenge <YYYY-MM-DD>] [--recorded-on <YYYY-MM-DD>] [--dry-run] [--json]

Imports council action plans (text: tables, flattened tables, bullets or headings) into the graph.
  --council       GSS code of the council the plans belong to (E07000073)
  --challenge     first day on site of the CPC the plans answer (default: the council's latest, created if none)
  --recorded-on   the day the documents' statuses were true (default: today)
  --dry-run       parse and compare, write nothing
  --json          one JSON object per file on standard output: { "plan": …, "report": … }`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      council: { type: "string" },
      challenge: { type: "string" },
      "recorded-on": { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
}
const { values, positionals: files } = parsed;
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (files.length === 0) fail(`No files given.\n\n${usage}`);
if (!values.council) fail(`--council is required.\n\n${usage}`);

const { database, services } = await openCli();
const showProgress = process.stderr.isTTY && files.length > 1;
const progress = (done: number, file: string) => {
  if (!showProgress) return;
  const width = 30;
  const filled = Math.round((done / files.length) * width);
  process.stderr.write(
    `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${files.length} ${path.basename(file).slice(0, 40).padEnd(40)}`,
  );
};

function describe(report: ImportReport): string {
  const lines = [
    `${report.filename}: ${report.outcome}${report.dryRun ? " (dry run, nothing written)" : ""} — ${report.layout}, ${report.recommendations} recommendations, ${report.actions} actions`,
    `  added ${report.addedRecommendations} recommendations and ${report.addedActions} actions; ${report.statusChanges} status changes; matched ${report.matchedRecommendations}/${report.matchedActions}`,
    ...report.disappearedRecommendations.map((r) => `  disappeared: recommendation ${r.reference}`),
    ...report.disappearedActions.map((a) => `  disappeared: action ${a.reference}.${a.order} "${a.text.slice(0, 60)}"`),
    ...report.warnings.map((w) => `  warning line ${w.line} [${w.code}]: ${w.message}`),
    ...report.unplaced.map((u) => `  unplaced line ${u.line}: ${u.text.slice(0, 80)}`),
  ];
  return lines.join("\n");
}

let failures = 0;
for (const [i, file] of files.entries()) {
  progress(i, file);
  let result: ImportResult | null = null;
  let problem: { code: string; message: string; line?: number; column?: number } | null = null;
  try {
    const text = readFileSync(file, "utf8");
    result = await services.import.importPlan({
      text,
      filename: path.basename(file),
      councilGss: values.council,
      challengeHeldOn: values.challenge ?? null,
      recordedOn: values["recorded-on"] ?? todayIso(),
      dryRun: values["dry-run"],
    });
  } catch (error) {
    if (error instanceof AppError) {
      const { line, column } = error.details;
      problem = { code: error.code, message: error.message, ...(line ? { line } : {}), ...(column ? { column } : {}) };
    } else if (error instanceof Error && "code" in error && (error as NodeJS.ErrnoException).code === "ENOENT") {
      problem = { code: "import.file_not_found", message: `No such file: ${file}` };
    } else throw error;
  }
  progress(i + 1, file);
  if (showProgress) process.stderr.write("\n");
  if (problem) {
    failures += 1;
    const where = problem.line ? ` (line ${problem.line}${problem.column ? `, column ${problem.column}` : ""})` : "";
    if (values.json) process.stdout.write(`${JSON.stringify({ file, error: problem })}\n`);
    else process.stderr.write(`${file}: ${problem.code}${where}: ${problem.message}\n`);
  } else if (result) {
    if (values.json) process.stdout.write(`${JSON.stringify({ plan: result.plan, report: result.report })}\n`);
    else process.stdout.write(`${describe(result.report)}\n`);
  }
}
await database.close();
process.exit(failures > 0 ? 1 : 0);

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { todayIso } from "../shared/graphql/local-date.scalar.js";
import { AppError, errorResponseBody } from "../shared/errors/app-error.js";
import { importFileNotFound } from "../modules/import/import.errors.js";
import { PlanParseError } from "../modules/import/parsers/parse.errors.js";
import type { ImportReport } from "../modules/import/import.service.js";
import type { DraftImportResult } from "../modules/draft/draft.service.js";
import { cliOperator } from "../modules/identity/identity.js";
import { toGlobalId } from "../shared/graphql/global-id.js";
import { fail, openCli, parseCommandLine } from "./cli-context.js";
import { parseManifest, type ManifestEntry } from "./import-manifest.js";

const usage = `Usage: npx cpc-graph-import <files…> --council <GSS> [--challenge <YYYY-MM-DD>] [--recorded-on <YYYY-MM-DD>] [--publish] [--dry-run] [--json]
       npx cpc-graph-import --manifest <plans.csv|plans.json> [--publish] [--dry-run] [--json]

Imports council action plans into the graph, from the documents as published: HTML, PDF, DOCX, XLSX,
CSV, Markdown or plain text, recognised by their content (the extension only breaks ties). Each report
gives the format read, the reader's confidence, and the fields it was unsure of. By default each file
opens a draft for review (publishDraft over GraphQL); --publish writes it at once, as an admin.
  --manifest      many councils' documents in one run and one database connection: CSV with a header
                  row file,council,challenge,recorded_on (or JSON [{ file, council, challenge?, recordedOn? }]),
                  files relative to the manifest; a document that fails fails alone, and a summary ends the run
  --council       GSS code of the council the plans belong to (E07000073)
  --challenge     first day on site of the CPC the plans answer (default: the council's latest, created if none)
  --recorded-on   the day the documents' statuses were true (default: today)
  --publish       write the plan at once instead of opening a draft (the CLI acts as an admin)
  --dry-run       read and compare, write nothing
  --json          one JSON object per file on standard output, nothing else: { "plan": …, "report": …, "draftId": … }
                  (draftId: the draft opened, null with --publish or --dry-run),
                  or { "file": …, "errors": [{ "message": …, "extensions": { "code": …, "reason": … } }] }`;

const options = {
  manifest: { type: "string" },
  council: { type: "string" },
  challenge: { type: "string" },
  "recorded-on": { type: "string" },
  "dry-run": { type: "boolean", default: false },
  publish: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  help: { type: "boolean", default: false },
} as const;

/**
 * Resolves once the text has been handed to the operating system. process.exit() drops a write to
 * a pipe that is still queued, so the command waits for every write and lets the process end by
 * itself, with `process.exitCode`.
 */
function print(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve())));
}

function describe(report: ImportReport, draftId: number | null): string {
  const lines = [
    `${report.filename}: ${report.outcome}${report.dryRun ? " (dry run, nothing written)" : ""} — ${report.format}, ${report.layout}, ${report.recommendations} recommendations, ${report.actions} actions`,
    ...(draftId === null
      ? []
      : [`  draft ${toGlobalId("PlanDraft", draftId)} opened for review: nothing counts until publishDraft`]),
    `  confidence ${report.confidence.toFixed(2)}${report.confidenceReasons.length > 0 ? `: ${report.confidenceReasons.join("; ")}` : ""}`,
    `  added ${report.addedRecommendations} recommendations and ${report.addedActions} actions; ${report.statusChanges} status changes; matched ${report.matchedRecommendations}/${report.matchedActions}`,
    ...report.disappearedRecommendations.map((r) => `  disappeared: recommendation ${r.reference}`),
    ...report.disappearedActions.map((a) => `  disappeared: action ${a.reference}.${a.order} "${a.text.slice(0, 60)}"`),
    ...report.warnings.map((w) => `  warning line ${w.line} [${w.code}]: ${w.message}`),
    ...report.unplaced.map((u) => `  unplaced line ${u.line}: ${u.text.slice(0, 80)}`),
    ...report.lowConfidence.map(
      (f) =>
        `  low confidence line ${f.line}: ${f.order === null ? `recommendation ${f.reference}` : `action ${f.reference}.${f.order}`} ${f.field} ${f.confidence.toFixed(2)} "${(f.value ?? "").slice(0, 60)}" (${f.reason})`,
    ),
  ];
  return lines.join("\n");
}

async function main(): Promise<number> {
  const { values, positionals: files } = parseCommandLine(options, usage);
  if (values.help) {
    await print(`${usage}\n`);
    return 0;
  }
  if (files.length === 0 && !values.manifest) fail(`No files given.\n\n${usage}`);
  const council = values.council;
  if (files.length > 0 && !council) fail(`--council is required.\n\n${usage}`);
  const jobs: ManifestEntry[] = files.map((file, i) => ({
    file,
    council: council ?? "",
    challenge: values.challenge ?? null,
    recordedOn: values["recorded-on"] ?? null,
    where: { entry: i + 1 },
  }));
  if (values.manifest) {
    try {
      jobs.push(...parseManifest(readFileSync(values.manifest, "utf8"), values.manifest));
    } catch (error) {
      if (!(error instanceof AppError) && !isMissingFile(error)) throw error;
      const problem = error instanceof AppError ? error : importFileNotFound(values.manifest);
      const { line, entry } = problem.details;
      const where = typeof line === "number" ? ` (line ${line})` : typeof entry === "number" ? ` (entry ${entry})` : "";
      if (values.json) await print(`${JSON.stringify({ file: values.manifest, ...errorResponseBody(problem) })}\n`);
      else process.stderr.write(`${values.manifest}: ${problem.reason}${where}: ${problem.message}\n`);
      return 2;
    }
  }

  const { config, database, services } = await openCli();
  const showProgress = process.stderr.isTTY && jobs.length > 1;
  const progress = (done: number, file: string) => {
    if (!showProgress) return;
    const width = 30;
    const filled = Math.round((done / jobs.length) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${jobs.length} ${path.basename(file).slice(0, 40).padEnd(40)}`,
    );
  };

  const failed: string[] = [];
  for (const [i, job] of jobs.entries()) {
    const { file } = job;
    progress(i, file);
    let result: DraftImportResult | null = null;
    let problem: AppError | null = null;
    try {
      // Refused before it is read: a file far over the limit must not be loaded only to be refused.
      const { size } = statSync(file);
      if (size > config.importMaxDocumentBytes) {
        throw new PlanParseError(
          "import.too_large",
          `The document is ${size} bytes; at most ${config.importMaxDocumentBytes} are accepted (IMPORT_MAX_DOCUMENT_BYTES)`,
        );
      }
      // Bytes, not text: the reader recognises the format from them (a PDF read as UTF-8 is lost).
      const content = readFileSync(file);
      const request = {
        content,
        filename: path.basename(file),
        councilGss: job.council,
        challengeHeldOn: job.challenge,
        recordedOn: job.recordedOn ?? todayIso(),
        dryRun: values["dry-run"],
      };
      result = values.publish
        ? { ...(await services.import.importPlan(request, cliOperator)), draftId: null }
        : await services.draft.importPlan(cliOperator, request, false);
    } catch (error) {
      if (error instanceof AppError) problem = error;
      else if (isMissingFile(error)) {
        problem = importFileNotFound(file);
      } else throw error;
    }
    progress(i + 1, file);
    if (showProgress) process.stderr.write("\n");
    if (problem) {
      failed.push(`${file} (${problem.reason})`);
      const { line, column } = problem.details;
      const where = line ? ` (line ${line}${column ? `, column ${column}` : ""})` : "";
      if (values.json) await print(`${JSON.stringify({ file, ...errorResponseBody(problem) })}\n`);
      else process.stderr.write(`${file}: ${problem.reason}${where}: ${problem.message}\n`);
    } else if (result) {
      const draftId = result.draftId === null ? null : toGlobalId("PlanDraft", result.draftId);
      if (values.json) await print(`${JSON.stringify({ plan: result.plan, report: result.report, draftId })}\n`);
      else await print(`${describe(result.report, result.draftId)}\n`);
    }
  }
  await database.close();
  // The run's summary, when there was more than one document: which failed, so that they can be sent again.
  if (jobs.length > 1 && !values.json) {
    process.stderr.write(
      `imported ${jobs.length - failed.length} of ${jobs.length} documents${failed.length > 0 ? `; failed:\n${failed.map((f) => `  ${f}`).join("\n")}` : ""}\n`,
    );
  }
  return failed.length > 0 ? 1 : 0;
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error as NodeJS.ErrnoException).code === "ENOENT";
}

process.exitCode = await main();

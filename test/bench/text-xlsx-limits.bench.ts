import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { readDocumentModel } from "../../src/modules/import/document/document.reader.js";
import { sniffFormat } from "../../src/modules/import/document/format.sniffer.js";
import { PlanParseError } from "../../src/modules/import/parsers/parse.errors.js";

/**
 * Time and peak memory of the text and XLSX readers on the large and hostile inputs:
 * a 5 MB tab-separated text table, a 5 MB CSV, a ~5 MB XLSX, and an XLSX zip bomb. Each input is
 * written to a temporary file first and read in a child process of its own, so one case's peak RSS
 * is not another's. Figures, not verdicts. Run with `npx tsx test/bench/text-xlsx-limits.bench.ts`.
 */

const words = [
  "review",
  "governance",
  "scrutiny",
  "members",
  "officers",
  "strategy",
  "budget",
  "deliver",
  "partners",
  "residents",
  "training",
  "vision",
  "housing",
  "finance",
  "improve",
  "council",
];

/** Deterministic words, so every run measures the same documents. */
function phrase(seed: number, length: number): string {
  let x = seed * 2654435761;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(words[x % words.length]!);
  }
  return out.join(" ");
}

function row(i: number): string[] {
  return [`R${i}`, `Action ${i}: ${phrase(i, 6)}`, "Director of Finance", "31 March 2025", "In progress"];
}

function textTable(): string {
  const lines = ["Ref\tAction\tLead\tTarget\tStatus"];
  let size = 0;
  for (let i = 1; size < 5_000_000; i++) {
    const line = row(i).join("\t");
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

function csv(): string {
  const lines = ["Ref,Action,Lead,Target,Status"];
  let size = 0;
  for (let i = 1; size < 5_000_000; i++) {
    const line = row(i)
      .map((c) => `"${c}"`)
      .join(",");
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join("\n");
}

/** Rows of four cells with long, varied text: ~5 MB compressed within the 500,000-cell limit. */
export const xlsxRows = 100_000;

/** A reference code per row that compresses as badly as real free text does. */
function code(seed: number): string {
  let x = (seed * 2246822519) >>> 0;
  let out = "";
  for (let i = 0; i < 4; i++) {
    x = (x * 1664525 + 1013904223) >>> 0;
    out += x.toString(36);
  }
  return out;
}

async function xlsx(rows: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("Plan");
  ws.addRow(["Ref", "Action", "Lead", "Target"]);
  for (let i = 1; i <= rows; i++)
    ws.addRow([
      `R${i}`,
      `${phrase(i, 18)} ${code(i)} ${code(i + 1)}`,
      `${phrase(i + 7, 4)} lead ${i % 97}`,
      new Date(Date.UTC(2025, i % 12, 1)),
    ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function bomb(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Plan").getCell("A1").value = "x";
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  files["xl/media/image1.png"] = new Uint8Array(150 * 1024 * 1024);
  return zipSync(files, { level: 9 });
}

async function child(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  let outcome: string;
  try {
    const model = await readDocumentModel(bytes, sniffFormat(bytes, path));
    const rows = model.blocks.reduce((n, b) => n + (b.kind === "table" ? b.rows.length : 0), 0);
    outcome = `${model.format}: ${model.blocks.length} blocks, ${rows} table rows`;
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    outcome = error.reason;
  }
  const ms = performance.now() - started;
  // maxRSS is in KiB.
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms, peak, baseline, outcome }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "text-xlsx-bench-"));
  try {
    const cases: [string, string, Uint8Array][] = [
      ["text table (tab-separated)", "table.txt", new TextEncoder().encode(textTable())],
      ["CSV", "plan.csv", new TextEncoder().encode(csv())],
      [`XLSX, ${xlsxRows} rows × 4 cells`, "plan.xlsx", await xlsx(xlsxRows)],
      ["XLSX zip bomb (150 MB entry)", "bomb.xlsx", await bomb()],
    ];
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const lines: string[] = [];
    for (const [name, file, bytes] of cases) {
      const path = join(dir, file);
      writeFileSync(path, bytes);
      const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), path], {
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
      const r = JSON.parse(run.stdout) as { ms: number; peak: number; baseline: number; outcome: string };
      lines.push(
        `| ${name} | ${mb(bytes.length)} | ${r.ms.toFixed(0)} ms | ${mb(r.peak)} (start ${mb(r.baseline)}) | ${r.outcome} |`,
      );
    }
    process.stdout.write(`text/XLSX readers, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
    process.stdout.write(
      `| input | size | read time | peak RSS | outcome |\n|---|---|---|---|---|\n${lines.join("\n")}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const target = process.argv[2];
await (target === undefined ? main() : child(target));

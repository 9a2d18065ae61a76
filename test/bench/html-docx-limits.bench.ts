import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { zipSync } from "fflate";
import { readDocx } from "../../src/modules/import/document/docx.reader.js";
import { readHtml } from "../../src/modules/import/document/html.reader.js";
import { PlanParseError } from "../../src/modules/import/parsers/parse.errors.js";

/**
 * Time and peak memory of the HTML and DOCX readers on hostile and large input. Each case runs in a
 * process of its own, so its peak RSS is its own; inputs are built first, outside the measurement.
 * Figures, not verdicts. Run with `npx tsx test/bench/html-docx-limits.bench.ts`.
 */

type Input = { kind: "html" | "docx"; file: string };

const cases: Record<string, () => Promise<Uint8Array | string>> = {
  "HTML: 100,000 nested divs": () => Promise.resolve(`${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}`),
  "HTML: 100,000 nested list items": () => Promise.resolve("<ul><li>x".repeat(100_000)),
  "HTML: 100,000 nested tables in cells": () => Promise.resolve("<table><tr><th>a</th><td>b".repeat(100_000)),
  "HTML: 5 MB plan table": () => Promise.resolve(htmlTable(5 * 1024 * 1024, 150)),
  "HTML: 5 MB table of tiny cells": () => Promise.resolve(htmlTable(5 * 1024 * 1024, 1)),
  "DOCX: 5,000 table rows": () => docxTable(5000),
  "DOCX: zip bomb (300 MB of zeros)": () =>
    Promise.resolve(zipSync({ "word/document.xml": new Uint8Array(300 * 1024 * 1024) }, { level: 9 })),
  "DOCX: XML nested 100,000 deep": () =>
    Promise.resolve(
      zipSync({
        "word/document.xml": new TextEncoder().encode(
          `<w:document><w:body>${"<w:sdt>".repeat(100_000)}</w:body></w:document>`,
        ),
      }),
    ),
};

function htmlTable(bytes: number, actionLength: number): string {
  const head = "<table><thead><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Due</th></tr></thead><tbody>";
  const rows: string[] = [];
  let size = head.length;
  for (let i = 1; size < bytes; i++) {
    const row = `<tr><td>${i}</td><td>${"Hold a workshop ".repeat(actionLength).slice(0, actionLength)}</td><td>Chief Executive</td><td>March 2025</td></tr>\n`;
    rows.push(row);
    size += row.length;
  }
  return `${head}${rows.join("")}</tbody></table>`;
}

async function docxTable(rows: number): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const table = new Table({
    rows: Array.from(
      { length: rows },
      (_, i) =>
        new TableRow({
          children: [
            cell(String(i + 1)),
            cell("Hold member workshops on the vision"),
            cell("Chief Executive"),
            cell("June 2025"),
          ],
        }),
    ),
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
}

function measure(input: Input): void {
  const data = readFileSync(input.file);
  const html = input.kind === "html" ? data.toString("utf8") : null;
  const started = performance.now();
  let outcome: string;
  try {
    const model = html === null ? readDocx(new Uint8Array(data)) : readHtml(html);
    outcome = `${model.blocks.length} blocks`;
  } catch (error) {
    if (!(error instanceof PlanParseError)) throw error;
    outcome = error.reason;
  }
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ ms, peakMb, outcome }));
}

async function main(): Promise<void> {
  if (process.argv[2] === "--one") return measure(JSON.parse(process.argv[3]!) as Input);
  const dir = mkdtempSync(join(tmpdir(), "html-docx-bench-"));
  const rows: string[] = [];
  try {
    for (const [name, build] of Object.entries(cases)) {
      const content = await build();
      const input: Input = { kind: name.startsWith("HTML") ? "html" : "docx", file: join(dir, "input") };
      writeFileSync(input.file, content);
      const size = typeof content === "string" ? Buffer.byteLength(content) : content.length;
      const script = fileURLToPath(import.meta.url);
      const output = execFileSync(process.execPath, [...process.execArgv, script, "--one", JSON.stringify(input)], {
        encoding: "utf8",
        maxBuffer: 1024 * 1024,
      });
      const { ms, peakMb, outcome } = JSON.parse(output) as { ms: number; peakMb: number; outcome: string };
      rows.push(
        `| ${name} | ${(size / 1e6).toFixed(2)} MB | ${ms.toFixed(0)} ms | ${peakMb.toFixed(0)} MB | ${outcome} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`html/docx reader limits, ${new Date().toISOString().slice(0, 10)}, node ${process.version}\n`);
  process.stdout.write(`| input | size | time | peak RSS | outcome |\n|---|---|---|---|---|\n${rows.join("\n")}\n`);
}

await main();

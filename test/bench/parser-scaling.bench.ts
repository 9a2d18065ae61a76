import { performance } from "node:perf_hooks";
import { parsePlan } from "../../src/modules/import/parsers/plan.parser.js";
import { pathologicalDocuments, pathologicalJunk } from "../modules/import/parsers/pathological-documents.js";

/**
 * How parse time grows with input that once made the parsers quadratic: each family's
 * pathological document at 1×, 2× and 4× its size (about 0.2, 0.4 and 0.8 MB of junk per place).
 * Linear parsing shows as a time ratio near 2 per doubling; quadratic as near 4. Figures, not
 * verdicts: the README records them with their date. Run with `npm run bench:parsers`.
 *
 * A second table times an ordinary plan table at the size limit (issue 8: a 5 MB spreadsheet or
 * text table parsed in under a second), tab-separated and as quoted CSV, at a quarter, half and
 * all of its size, beside the figures recorded before and after the parsers were made faster.
 */
const scales = [1, 2, 4];
const repeats = 5;

function medianMs(text: string): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    parsePlan(text);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const rows: string[] = [];
for (const scale of scales) {
  const documents = pathologicalDocuments(pathologicalJunk(scale));
  for (const [family, text] of Object.entries(documents)) {
    rows.push(`| ${family} | ${scale}× | ${(text.length / 1e6).toFixed(2)} MB | ${medianMs(text).toFixed(1)} ms |`);
  }
}
process.stdout.write(
  `parser scaling, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, median of ${repeats}\n`,
);
process.stdout.write(`| family | scale | document | parse time |\n|---|---|---|---|\n${rows.join("\n")}\n`);

/**
 * A 34,000-row plan table of about 4.9 MB: one recommendation and action a row, every cell read
 * (reference, text, action, lead, a month target, a status). `fraction` keeps that share of rows.
 */
function bigTable(fraction: number): { tab: string; csv: string } {
  const header = "No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)";
  const rows = [header];
  const limit = 4_900_000 * fraction;
  let length = header.length;
  for (let i = 1; length <= limit || rows.length % 1000 !== 0; i += 1) {
    const row = `${i}\tDevelop a clear vision for the council number ${i} with partners\tAgree the plan at Cabinet ${i}\tDirector of Resources\tMarch 2025\tComplete`;
    rows.push(row);
    length += row.length + 1;
  }
  const quoted = rows.map((row) =>
    row
      .split("\t")
      .map((cell) => `"${cell}"`)
      .join(","),
  );
  // Cut at 5,000,000 characters, as the figures below were measured: the last row loses its end.
  return { tab: rows.join("\n"), csv: quoted.join("\n").slice(0, 5_000_000 * fraction) };
}

/**
 * The first parse of `text` and the median of the next `repeats`. Only the smallest table's first
 * parse is near a cold start: the pathological documents above have compiled most of the parsers.
 */
function coldAndMedianMs(text: string): { cold: number; median: number } {
  const started = performance.now();
  parsePlan(text);
  return { cold: performance.now() - started, median: medianMs(text) };
}

/**
 * Recorded on 2026-12-02 on the project's 2-core machine (node v20.20, shared with other work, load
 * average about 2, so expect ±30 %), before and after the parsers stopped cleaning each cell several
 * times, locating the table twice, copying date regexes per cell and matching every comma-table
 * line as a spaced header: "cold / median", the first parse in a fresh process and the median of
 * the 5 after it, each the middle of three interleaved before/after rounds. Under a load average of
 * 5 the same runs took up to 1.4 s / 1.1 s (tab) and 3.1 s / 3.0 s (CSV) before, 0.7 s / 0.55 s after.
 */
const recorded: Readonly<Record<"tab" | "csv", { before: string; after: string }>> = {
  tab: { before: "668 / 600 ms", after: "315 / 254 ms" },
  csv: { before: "1736 / 1717 ms", after: "399 / 281 ms" },
};

const tableRows: string[] = [];
for (const fraction of [0.25, 0.5, 1]) {
  const inputs = bigTable(fraction);
  for (const syntax of ["tab", "csv"] as const) {
    const text = inputs[syntax];
    const { cold, median } = coldAndMedianMs(text);
    const then = fraction === 1 ? recorded[syntax] : { before: "", after: "" };
    tableRows.push(
      `| ${syntax === "tab" ? "tab-separated" : "quoted CSV"} | ${(text.length / 1e6).toFixed(2)} MB | ${cold.toFixed(0)} ms | ${median.toFixed(0)} ms | ${then.before} | ${then.after} |`,
    );
  }
}
process.stdout.write(
  `\nplan table near the size limit, median of ${repeats} after a first run (recorded 2026-12-02, fresh process: cold / median)\n`,
);
process.stdout.write(
  `| table | document | first run | median | recorded before | recorded after |\n|---|---|---|---|---|---|\n${tableRows.join("\n")}\n`,
);

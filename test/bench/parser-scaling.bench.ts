import { performance } from "node:perf_hooks";
import { parsePlan } from "../../src/modules/import/parsers/plan.parser.js";
import { pathologicalDocuments, pathologicalJunk } from "../modules/import/parsers/pathological-documents.js";

/**
 * How parse time grows with input that once made the parsers quadratic: each family's
 * pathological document at 1×, 2× and 4× its size (about 0.2, 0.4 and 0.8 MB of junk per place).
 * Linear parsing shows as a time ratio near 2 per doubling; quadratic as near 4. Figures, not
 * verdicts: the README records them with their date. Run with `npm run bench:parsers`.
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

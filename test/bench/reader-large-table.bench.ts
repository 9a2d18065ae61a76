import { performance } from "node:perf_hooks";
import { readPlanDocument } from "../../src/modules/import/reader/plan.reader.js";

/**
 * The whole reader (sniffing, lowering, every reading, scoring) on a 5 MB plan table, as
 * tab-separated text and as quoted CSV: median of 4 after a first run. Figures, not verdicts: the
 * README records them with their date. Run with `npm run bench:documents`.
 */
const rows = ["No.\tRecommendation\tActions\tLead\tTarget Date\tProgress (RAG)"];
for (let i = 1; i < 34_000; i++)
  rows.push(
    `${i}\tDevelop a clear vision for the council number ${i} with partners\tAgree the plan at Cabinet ${i}\tDirector of Resources\tMarch 2025\tComplete`,
  );
const tab = rows.join("\n");
const csv = rows
  .map((row) =>
    row
      .split("\t")
      .map((cell) => `"${cell}"`)
      .join(","),
  )
  .join("\n");

/**
 * The same kind of plan pasted one cell per line: the header once, each recommendation's cell
 * only on its first action row (merged over the rows under it), then a variant whose header is
 * repeated every 10 recommendations, as a copy from a paged document repeats it, and one with no
 * header at all, whose columns the reader infers from content.
 */
function cellLines(headerEvery: number | null, headed = true): string {
  const header = ["Recommendation", "Action", "Lead", "Target date", "Status"];
  const statuses = ["Complete", "In progress", "Not started", "On track"];
  const lines = headed ? [...header] : [];
  let size = 0;
  for (let r = 1; size < 5e6; r++) {
    if (headerEvery !== null && r % headerEvery === 0) lines.push(...header);
    for (let a = 1; a <= 3; a++) {
      const row = a === 1 ? [`Develop a clear vision for the council number ${r} with its partners and residents`] : [];
      row.push(`Agree the plan at Cabinet ${r}.${a} and publish it widely`, "Director of Resources", "March 2025");
      row.push(statuses[(r + a) % 4]!);
      lines.push(...row);
      size += row.reduce((n, line) => n + line.length + 1, 0);
    }
  }
  return lines.join("\n");
}

for (const [name, text, filename] of [
  ["tab-separated text", tab, "plan.txt"],
  ["quoted CSV", csv, "plan.csv"],
  ["one cell per line", cellLines(null), "plan.txt"],
  ["one cell per line, header repeated", cellLines(10), "plan.txt"],
  ["one cell per line, no header", cellLines(null, false), "plan.txt"],
] as const) {
  const bytes = Buffer.from(text);
  const times: number[] = [];
  let actions = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const plan = await readPlanDocument(bytes, { filename });
    times.push(performance.now() - started);
    actions = plan.recommendations.reduce((n, r) => n + r.actions.length, 0);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  process.stdout.write(
    `${name}: ${(bytes.length / 1e6).toFixed(2)} MB, ${actions} actions, first ${first!.toFixed(0)} ms, median ${rest[Math.floor(rest.length / 2)]!.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`,
  );
}

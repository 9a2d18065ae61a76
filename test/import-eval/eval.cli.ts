/**
 * `npm run eval:import [-- --seed N --plans N --samples N --format NAME --json]`: renders the
 * fixed seeded corpus, reads every document with readPlanDocument and prints the score per format
 * and per layout trait, then overall. The same seed prints the same table.
 */

import { parseArgs } from "node:util";
import { scoreCorpus, type ScoredDocument } from "./corpus.js";
import { formatNames, type FormatName } from "./render/formats.js";
import { addScores, type ScoreTotals } from "./score.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "20250331" },
    plans: { type: "string", default: "15" },
    samples: { type: "string", default: "2" },
    format: { type: "string", multiple: true },
    json: { type: "boolean", default: false },
  },
});

const formats = (values.format ?? formatNames) as FormatName[];
for (const format of formats)
  if (!formatNames.includes(format)) throw new Error(`unknown format ${format}; one of ${formatNames.join(", ")}`);
const options = {
  seed: Number(values.seed),
  synthetic: Number(values.plans),
  samples: Number(values.samples),
  formats,
};

const documents: ScoredDocument[] = [];
for await (const document of scoreCorpus(options)) documents.push(document);

const group = (key: (d: ScoredDocument) => string[]) => {
  const groups = new Map<string, ScoredDocument[]>();
  for (const d of documents) for (const k of key(d)) groups.set(k, [...(groups.get(k) ?? []), d]);
  return [...groups.entries()].map(([name, ds]) => ({ name, totals: addScores(ds.map((d) => d.score)) }));
};
const byFormat = group((d) => [d.format]);
const byTrait = group((d) => d.traits).sort((a, b) => a.name.localeCompare(b.name));
const overall = addScores(documents.map((d) => d.score));

if (values.json) {
  process.stdout.write(`${JSON.stringify({ options, byFormat, byTrait, overall, documents }, null, 2)}\n`);
} else {
  const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}`);
  const row = (name: string, t: ScoreTotals) =>
    `| ${name} | ${t.documents} | ${t.errors} | ${pct(t.recovered, t.recommendations)} | ${t.invented} | ${pct(t.right, t.actions)} | ${pct(t.text, t.actions)} | ${pct(t.lead, t.actions)} | ${pct(t.deadline, t.actions)} | ${pct(t.status, t.actions)} |`;
  const head =
    "| | documents | reader errors | recommendations recovered % | invented | actions right % | text % | lead % | deadline % | status % |\n|---|---|---|---|---|---|---|---|---|---|";
  const out = [
    `import evaluation, seed ${options.seed}, ${options.synthetic} synthetic + 5 seed plans × ${options.samples} renderings per format, ${new Date().toISOString().slice(0, 10)}`,
    "",
    "By format",
    "",
    head,
    ...byFormat.map((g) => row(g.name, g.totals)),
    row("**overall**", overall),
    "",
    "By layout trait",
    "",
    head,
    ...byTrait.map((g) => row(g.name, g.totals)),
    "",
    `overall: ${overall.documents} documents, recommendations recovered ${pct(overall.recovered, overall.recommendations)}%, actions right ${pct(overall.right, overall.actions)}% (${overall.right}/${overall.actions})`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);
}

/**
 * `npm run eval:themes [-- --json]`: the theme classifier against the labelled seed set (in
 * sample, and leave one council out) and against the held-out check set of unseen councils'
 * wording (test/theme-eval/unseen-check.json), with component confusion tables and agreement by
 * confidence band. Deterministic: the same files print the same figures.
 */

import { parseArgs } from "node:util";
import {
  agreement,
  calibration,
  classifyAll,
  componentConfusion,
  leaveOneCouncilOut,
  loadEvaluationRules,
  readCheckSet,
  readSeedSet,
  subThemeConfusions,
  type Outcome,
} from "./theme-eval.js";

const out: string[] = [];
const print = (line: string) => out.push(line);

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const { rules, componentOf, taxonomy } = loadEvaluationRules();
const seeds = readSeedSet();
const check = readCheckSet();

const inSample = classifyAll(seeds, rules);
const loco = leaveOneCouncilOut(seeds, rules, componentOf);
const unseen = classifyAll(check, rules);
const sets: [string, Outcome[]][] = [
  ["seed set, in sample", inSample],
  ["seed set, leave one council out", loco.outcomes],
  ["unseen check set", unseen],
  ["unseen check set: titles", unseen.filter((o) => o.item.form === "title")],
  ["unseen check set: sentences", unseen.filter((o) => o.item.form === "sentence")],
];

if (values.json) {
  print(
    JSON.stringify(
      {
        abstainBelow: rules.abstainBelow,
        sets: sets.map(([name, outcomes]) => ({
          name,
          agreement: agreement(outcomes, componentOf),
          calibration: calibration(outcomes, componentOf),
        })),
        loco: loco.held.map(({ council, threshold, agreement: a }) => ({ council, threshold, agreement: a })),
      },
      null,
      2,
    ),
  );
} else {
  const pct = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`);
  const frac = (part: number, whole: number) => `${part}/${whole} (${pct(part, whole)})`;
  const components = [...taxonomy.components.map((c) => c.code), "(abstained)"];
  print(`Theme classifier evaluation; abstainBelow = ${rules.abstainBelow}\n`);
  for (const [name, outcomes] of sets) {
    const a = agreement(outcomes, componentOf);
    const classified = a.n - a.abstained;
    print(`## ${name}: ${a.n} recommendations`);
    print(`  abstained                              ${frac(a.abstained, a.n)}`);
    print(
      `  top sub-theme = primary label          ${frac(a.primarySubTheme, a.n)} of all, ${pct(a.primarySubTheme, classified)} of classified`,
    );
    print(
      `  top component = primary's component    ${frac(a.primaryComponent, a.n)} of all, ${pct(a.primaryComponent, classified)} of classified`,
    );
    print(
      `  top component acceptable (any label's) ${frac(a.acceptableComponent, a.n)} of all, ${pct(a.acceptableComponent, classified)} of classified`,
    );
    print("  component confusion (rows: primary label, columns: top link)");
    const table = componentConfusion(outcomes, componentOf);
    print(`    ${"".padEnd(20)}${components.map((c) => c.slice(0, 12).padStart(13)).join("")}`);
    for (const row of components.slice(0, -1)) {
      const cells = table.get(row);
      if (cells === undefined) continue;
      print(`    ${row.padEnd(20)}${components.map((c) => String(cells.get(c) ?? 0).padStart(13)).join("")}`);
    }
    const misses = subThemeConfusions(outcomes);
    print(`  sub-theme disagreements (${misses.reduce((n, [, k]) => n + k, 0)}):`);
    for (const [pair, n] of misses) print(`    ${n} × ${pair}`);
    print("  calibration: every link, by confidence band");
    print("    band          links  sub-theme among labels  component among labels'");
    const bands = calibration(outcomes, componentOf);
    for (const b of bands) {
      print(
        `    [${b.from.toFixed(2)}, ${Math.min(1, b.to).toFixed(2)}${b.to > 1 ? "]" : ")"}  ${String(b.links).padStart(5)}  ${frac(b.subThemeAgrees, b.links).padStart(22)}  ${frac(b.componentAgrees, b.links).padStart(18)}`,
      );
    }
    const high = bands.filter((b) => b.from >= 0.8);
    const n = high.reduce((s, b) => s + b.links, 0);
    print(
      `    confidence ≥ 0.8: ${frac(
        high.reduce((s, b) => s + b.subThemeAgrees, 0),
        n,
      )} sub-theme, ${frac(
        high.reduce((s, b) => s + b.componentAgrees, 0),
        n,
      )} component\n`,
    );
  }
  print("## leave one council out: abstention threshold fitted on the other four");
  for (const { council, threshold, agreement: a } of loco.held)
    print(
      `  ${council}  threshold ${threshold.toFixed(2)}  abstained ${a.abstained}/${a.n}  top component = primary's ${frac(a.primaryComponent, a.n)}  top sub-theme ${frac(a.primarySubTheme, a.n)}`,
    );
}
process.stdout.write(`${out.join("\n")}\n`);

import { describe, expect, it } from "vitest";
import { readPlanDocument } from "../../src/modules/import/reader/plan.reader.js";
import { readAndScore, render } from "./corpus.js";
import { nonPlanDocument, nonPlanKinds } from "./non-plans.js";
import { createRandom } from "./random.js";
import { formatNames } from "./render/formats.js";
import { addScores } from "./score.js";
import { seedPlans } from "./seed-plans.js";
import { syntheticPlan } from "./synthetic.js";

// Bounded so that the file stays within about a minute on two shared cores.
const runs = 6;

/**
 * Share of generated actions read right (text, lead, deadline and status), per format, over a fixed
 * sample. These are floors against regression, set about three points under what the reader scored
 * on this sample when they were last raised (2026-12-04: html-table 98.9%, text-cells 72.5%,
 * parallel-lists 95.0%, inline-bullets 99.2%, markdown 91.2%, csv 98.9%, xlsx 99.2%, docx 90.1%,
 * pdf 92.0%); they are not the goal. The goal is 95% for every format and layout trait (issue 8),
 * and `npm run eval:import` prints how far the reader is from it.
 */
const floors: Record<(typeof formatNames)[number], number> = {
  "html-table": 0.95,
  "text-cells": 0.7,
  "parallel-lists": 0.92,
  "inline-bullets": 0.96,
  markdown: 0.88,
  csv: 0.95,
  xlsx: 0.95,
  docx: 0.87,
  pdf: 0.89,
};

describe("generated plans are recovered", () => {
  for (const format of formatNames) {
    it(`${format}: at least ${Math.round(floors[format] * 100)}% of actions right over a fixed sample`, async () => {
      const scores = [];
      const random = createRandom(8_2025);
      for (let run = 0; run < runs; run += 1) {
        const seed = random.int(0, 2 ** 31 - 1);
        const plans = [syntheticPlan(seed), seedPlans()[run % 5]];
        for (const plan of plans)
          if (plan !== undefined) scores.push(await readAndScore(await render(format, plan, seed, 0)));
      }
      const totals = addScores(scores);
      const right = totals.right / Math.max(1, totals.actions);
      if (process.env["EVAL_PRINT"]) process.stdout.write(`${format} ${right.toFixed(3)} errors ${totals.errors}\n`);
      expect(right).toBeGreaterThanOrEqual(floors[format]);
      // A hang guard, not a speed check: twelve documents take seconds alone, far longer on a loaded machine.
    }, 120_000);
  }
});

describe("documents with no plan are refused", () => {
  for (const kind of nonPlanKinds) {
    it(`${kind} → import.no_plan_found`, async () => {
      for (let seed = 1; seed <= 4; seed += 1) {
        const document = nonPlanDocument(kind, createRandom(seed));
        // The error is recognised by its reason, not its class, so the test needs nothing from the reader's internals.
        await expect(readPlanDocument(document.bytes, { filename: document.filename })).rejects.toMatchObject({
          reason: "import.no_plan_found",
        });
      }
    });
  }
});

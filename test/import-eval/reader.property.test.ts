import fc from "fast-check";
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

describe("generated plans are recovered", () => {
  for (const format of formatNames) {
    it(`${format}: at least 95% of actions right`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.nat(4), async (seed, seedIndex) => {
          const plans = [syntheticPlan(seed), seedPlans()[seedIndex]];
          const scores = [];
          for (const plan of plans)
            if (plan !== undefined) scores.push(await readAndScore(await render(format, plan, seed, 0)));
          const totals = addScores(scores);
          expect(totals.errors).toBe(0);
          expect(totals.recovered).toBe(totals.recommendations);
          expect(totals.right / Math.max(1, totals.actions)).toBeGreaterThanOrEqual(0.95);
        }),
        { numRuns: runs, seed: 8_2025, endOnFailure: true },
      );
    });
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

import { describe, expect, it } from "vitest";
import type { ReadPlan } from "../../../../src/modules/import/import.plan.js";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { readPlanDocument } from "../../../../src/modules/import/reader/plan.reader.js";
import { readExpectedPlan, readSeedPlan, seedPlanNames } from "./seed-plans.js";

/** The reviewed files predate confidence and provenance: compare what they record. */
function recorded(plan: ReadPlan) {
  return {
    layout: plan.layout,
    title: plan.title,
    recommendations: plan.recommendations.map(({ confidence: _c, source: _s, why: _w, actions, ...rec }) => ({
      ...rec,
      actions: actions.map(({ confidence: _ac, source: _as, why: _aw, ...action }) => action),
    })),
  };
}

describe("the seed plans against their hand-checked expected plans", () => {
  it.each(seedPlanNames)("parsePlan reads %s exactly as the reviewed expected plan", (name) => {
    const plan = parsePlan(readSeedPlan(name));
    expect({ layout: plan.layout, title: plan.title, recommendations: plan.recommendations }).toEqual(
      readExpectedPlan(name),
    );
  });

  it.each(seedPlanNames)("the plan reader reads %s exactly as the reviewed expected plan", async (name) => {
    const plan = await readPlanDocument(Buffer.from(readSeedPlan(name), "utf8"), { filename: `${name}.txt` });
    expect(plan.format).toBe("TEXT");
    expect(recorded(plan)).toEqual(readExpectedPlan(name));
  });
});

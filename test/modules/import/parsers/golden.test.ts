import { describe, expect, it } from "vitest";
import { parsePlan } from "../../../../src/modules/import/parsers/plan.parser.js";
import { readExpectedPlan, readSeedPlan, seedPlanNames } from "./seed-plans.js";

describe("parsePlan against the hand-checked expected plans", () => {
  it.each(seedPlanNames)("reads %s exactly as the reviewed expected plan", (name) => {
    const plan = parsePlan(readSeedPlan(name));
    expect({ layout: plan.layout, title: plan.title, recommendations: plan.recommendations }).toEqual(
      readExpectedPlan(name),
    );
  });
});

import { readFileSync } from "node:fs";

export const seedPlanNames = ["harlow", "brentwood", "chelmsford", "braintree", "southend-on-sea"] as const;
export type SeedPlanName = (typeof seedPlanNames)[number];

const seedPlans = new URL("../../../../seeds/plans/", import.meta.url);

export function readSeedPlan(name: SeedPlanName): string {
  return readFileSync(new URL(`${name}.txt`, seedPlans), "utf8");
}

export function readExpectedPlan(name: SeedPlanName): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.expected.json`, seedPlans), "utf8")) as unknown;
}

/** Lines joined with "\n", so inline test documents can be written one line per array item. */
export function doc(...lines: string[]): string {
  return lines.join("\n");
}

import { readFileSync } from "node:fs";

/** Harlow's seed plan as imported (tab-separated, 13 recommendations, 66 actions). */
export const harlowPlan = readFileSync("seeds/plans/harlow.txt", "utf8");

/** Harlow's plan a year later: three statuses changed, nothing else. */
export function harlowUpdated(): string {
  const changed = harlowPlan
    // Rec 1 action 2 (August 2023): Not started → Complete.
    .replace(
      "WLT and Cabinet review resident survey results and suggested themes produced.\t\tAugust 2023\tNot started",
      "WLT and Cabinet review resident survey results and suggested themes produced.\t\tAugust 2023\tComplete",
    )
    // Rec 12 action 5 (Nov 2023): Not started → In progress.
    .replace(
      "Consider changes to contracts.\t\tNov 2023\tNot started",
      "Consider changes to contracts.\t\tNov 2023\tIn progress",
    )
    // Rec 4 action 1 (Sept. 2023): empty → Complete.
    .replace(
      "Identify senior strategic capacity and clarify future structure.\tAndrew Bramidge\tSept. 2023\t",
      "Identify senior strategic capacity and clarify future structure.\tAndrew Bramidge\tSept. 2023\tComplete",
    );
  if (changed === harlowPlan) throw new Error("fixture did not change");
  return changed;
}

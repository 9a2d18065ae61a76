/**
 * The five hand-reviewed seed plans (seeds/plans/*.expected.json) as generator plans: used as
 * content to render, never as a description of any layout.
 */

import { readFileSync } from "node:fs";
import type { ActionStatusValue, DeadlinePrecisionValue } from "../../src/modules/action/action.values.js";
import type { EvalPlan } from "./plan.model.js";

export const seedPlanNames = ["harlow", "brentwood", "chelmsford", "braintree", "southend-on-sea"] as const;

interface ExpectedFile {
  title: string | null;
  recommendations: {
    reference: string;
    title: string | null;
    text: string;
    themeLabel: string | null;
    actions: {
      text: string;
      lead: string | null;
      target: { raw: string | null; deadline: string | null; precision: DeadlinePrecisionValue };
      status: { text: string; status: ActionStatusValue } | null;
      update: string | null;
    }[];
  }[];
}

const seedsFolder = new URL("../../seeds/plans/", import.meta.url);

export function seedPlan(name: (typeof seedPlanNames)[number]): EvalPlan {
  const file = JSON.parse(readFileSync(new URL(`${name}.expected.json`, seedsFolder), "utf8")) as ExpectedFile;
  return {
    origin: `seed:${name}`,
    title: file.title ?? "Action plan",
    council: `${name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => `${dash === "" ? "" : "-"}${c.toUpperCase()}`)} Council`,
    recommendations: file.recommendations.map((rec) => ({
      reference: rec.reference,
      title: rec.title,
      text: rec.text,
      themeLabel: rec.themeLabel,
      actions: rec.actions.map((action) => ({
        text: action.text,
        lead: action.lead,
        deadline:
          action.target.deadline === null ? null : { iso: action.target.deadline, precision: action.target.precision },
        deadlinePhrase: action.target.raw,
        status: action.status === null ? null : action.status.status,
        statusPhrase: action.status === null ? null : action.status.text,
        update: action.update,
      })),
    })),
  };
}

export function seedPlans(): EvalPlan[] {
  return seedPlanNames.map(seedPlan);
}

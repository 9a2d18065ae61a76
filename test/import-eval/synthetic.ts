/**
 * Seeded synthetic plans: 3–12 recommendations of 0–8 actions, with owners, deadlines in varied
 * phrasing (each with the ISO day it means) and statuses, drawn from synthetic.vocabulary.ts and
 * traits/. The same seed gives the same plan.
 */

import type { DeadlinePrecisionValue } from "../../src/modules/action/action.values.js";
import type { CanonicalStatus, EvalAction, EvalDeadline, EvalPlan, EvalRecommendation } from "./plan.model.js";
import { createRandom, type Random } from "./random.js";
import {
  actionPhrases,
  actionTails,
  recommendationObjects,
  recommendationTails,
  recommendationTitles,
  recommendationVerbs,
  themeLabels,
  updateSentences,
} from "./synthetic.vocabulary.js";
import {
  datedPrecisions,
  deadlineTemplates,
  fillDate,
  noDeadlinePhrases,
  type DatedPrecision,
} from "./traits/dates.js";
import { councilNames, planTitles } from "./traits/furniture.js";
import { firstNames, jobTitles, leadJoiners, surnames, teamNames } from "./traits/leads.js";

type LeadKind = "title" | "team" | "person";

export function syntheticPlan(seed: number): EvalPlan {
  const random = createRandom(seed);
  const council = random.pick(councilNames);
  const recCount = random.int(3, 12);
  const leadKinds: LeadKind[] | null = random.chance(0.12)
    ? null
    : random.pick<LeadKind[]>([["title"], ["person"], ["team", "title"], ["title", "person", "team"]]);
  const precisions = random.shuffle(datedPrecisions).slice(0, random.int(1, 3));
  const hasStatus = random.chance(0.75);
  const hasUpdates = random.chance(0.2);
  const hasThemes = random.chance(0.25);
  const hasTitles = random.chance(0.4);
  const usedActions = new Set<string>();
  const objects = random.shuffle(recommendationObjects);

  const recommendations: EvalRecommendation[] = [];
  for (let r = 0; r < recCount; r += 1) {
    const tail = random.pick(recommendationTails);
    const text = `${random.pick(recommendationVerbs)} ${objects[r % objects.length] ?? ""}${tail === "" ? "" : ` ${tail}`}.`;
    const sharedLead = leadKinds !== null && random.chance(0.4) ? drawLead(random, leadKinds) : null;
    const actionCount = random.chance(0.06) ? 0 : random.int(1, 8);
    const actions: EvalAction[] = [];
    for (let a = 0; a < actionCount; a += 1) {
      const actionText = drawActionText(random, usedActions);
      const { deadline, phrase } = drawDeadline(random, precisions);
      actions.push({
        text: actionText,
        lead: leadKinds === null ? null : (sharedLead ?? drawLead(random, leadKinds)),
        deadline,
        deadlinePhrase: phrase,
        status: hasStatus ? drawStatus(random) : null,
        update: hasUpdates && random.chance(0.6) ? random.pick(updateSentences) : null,
      });
    }
    recommendations.push({
      reference: String(r + 1),
      title: hasTitles ? (recommendationTitles[r % recommendationTitles.length] ?? null) : null,
      text,
      themeLabel: hasThemes ? random.pick(themeLabels) : null,
      actions,
    });
  }
  return {
    origin: `synthetic:${seed}`,
    title: random.pick(planTitles).replace("{year}", String(random.int(2023, 2026))),
    council,
    recommendations,
  };
}

function drawActionText(random: Random, used: Set<string>): string {
  for (;;) {
    const tail = random.pick(actionTails);
    const text = `${random.pick(actionPhrases)}${tail === "" ? "" : ` ${tail}`}.`;
    if (used.has(text) && used.size < actionPhrases.length * actionTails.length) continue;
    used.add(text);
    return text;
  }
}

function drawLead(random: Random, kinds: readonly LeadKind[]): string {
  const one = (): string => {
    const kind = random.pick(kinds);
    if (kind === "title") return random.pick(jobTitles);
    if (kind === "team") return random.pick(teamNames);
    return `${random.pick(firstNames)} ${random.pick(surnames)}`;
  };
  if (!random.chance(0.18)) return one();
  const first = one();
  let second = one();
  while (second === first) second = one();
  return `${first}${random.pick(leadJoiners)}${second}`;
}

const statusWeights: readonly [CanonicalStatus, number][] = [
  ["COMPLETE", 3],
  ["IN_PROGRESS", 4],
  ["NOT_STARTED", 2],
  ["ONGOING", 1],
  ["UNKNOWN", 0.5],
];

function drawStatus(random: Random): CanonicalStatus {
  const total = statusWeights.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [status, weight] of statusWeights) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return "UNKNOWN";
}

/** A deadline between mid-2023 and early 2027, printed in one of the plan's preferred ways. */
function drawDeadline(
  random: Random,
  precisions: readonly DatedPrecision[],
): { deadline: EvalDeadline | null; phrase: string | null } {
  const start = new Date(Date.UTC(random.int(2023, 2026), random.int(0, 11), 1));
  const roll = random.next();
  if (roll < 0.12)
    return { deadline: null, phrase: fillDate(random.pick(noDeadlinePhrases.ongoing), start, "ONGOING") };
  if (roll < 0.17) {
    const phrase = random.pick(noDeadlinePhrases.unknown);
    return { deadline: null, phrase: phrase === "" ? null : phrase };
  }
  const precision = random.pick(precisions);
  const end = periodEnd(start, precision, random);
  const phrase = fillDate(random.pick(deadlineTemplates[precision]), end, precision);
  return { deadline: { iso: end.toISOString().slice(0, 10), precision: precision as DeadlinePrecisionValue }, phrase };
}

function periodEnd(start: Date, precision: DatedPrecision, random: Random): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0));
  switch (precision) {
    case "DAY": {
      const last = lastOfMonth(year, month).getUTCDate();
      return new Date(Date.UTC(year, month, random.chance(0.5) ? last : random.int(1, last)));
    }
    case "MONTH":
      return lastOfMonth(year, month);
    case "QUARTER": {
      // Financial quarters end in June, September, December and March.
      return lastOfMonth(year, month + (2 - (month % 3)));
    }
    case "FINANCIAL_YEAR":
      return new Date(Date.UTC(month >= 3 ? year + 1 : year, 2, 31));
    case "YEAR":
      return new Date(Date.UTC(year, 11, 31));
  }
}

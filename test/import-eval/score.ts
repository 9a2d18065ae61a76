/**
 * Compares the plan a document was rendered from with what the reader returned. Recommendations
 * are paired by text similarity; within a pair, actions are paired the same way and each is judged
 * on text, lead, deadline and status. An action is right only when all four are.
 */

import type { ReadPlan } from "../../src/modules/import/import.plan.js";
import type { EvalPlan } from "./plan.model.js";

/** Recommendations whose normalised texts are at least this alike are the same recommendation. */
export const recommendationMatch = 0.9;
/** An action's text is right when equal after normalising, or at least this alike. */
export const actionTextMatch = 0.95;
/** Below this, a read action is not taken for the expected one at all. */
const actionPairing = 0.6;

export interface DocumentScore {
  recommendations: number;
  recovered: number;
  /** Recommendations the reader returned that match none printed. */
  invented: number;
  actions: number;
  right: number;
  text: number;
  lead: number;
  deadline: number;
  status: number;
  /** The reader's error reason (or message) when it threw; everything counts as not recovered. */
  error: string | null;
}

export function normalise(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** 1 − Levenshtein distance / longer length, on normalised text. */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  let previous = Array.from({ length: y.length + 1 }, (_v, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return 1 - (previous[y.length] ?? 0) / Math.max(x.length, y.length);
}

/** Pairs items one to one, most alike first, keeping pairs at or above `threshold`. */
function pairUp<A, B>(
  as: readonly A[],
  bs: readonly B[],
  alike: (a: A, b: B) => number,
  threshold: number,
): Map<number, number> {
  const candidates: [number, number, number][] = [];
  as.forEach((a, i) =>
    bs.forEach((b, j) => {
      const s = alike(a, b);
      if (s >= threshold) candidates.push([s, i, j]);
    }),
  );
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const pairs = new Map<number, number>();
  const usedB = new Set<number>();
  for (const [, i, j] of candidates) {
    if (pairs.has(i) || usedB.has(j)) continue;
    pairs.set(i, j);
    usedB.add(j);
  }
  return pairs;
}

const noStatus = (status: string | null | undefined) => status === null || status === undefined || status === "UNKNOWN";

export function scoreDocument(expected: EvalPlan, read: ReadPlan | null, error: string | null = null): DocumentScore {
  const actions = expected.recommendations.reduce((n, r) => n + r.actions.length, 0);
  const score: DocumentScore = {
    recommendations: expected.recommendations.length,
    recovered: 0,
    invented: 0,
    actions,
    right: 0,
    text: 0,
    lead: 0,
    deadline: 0,
    status: 0,
    error,
  };
  if (read === null) return score;
  const recPairs = pairUp(
    expected.recommendations,
    read.recommendations,
    (e, r) => Math.max(similarity(e.text, r.text), similarity(e.text, `${r.title ?? ""} ${r.text}`)),
    recommendationMatch,
  );
  score.recovered = recPairs.size;
  score.invented = read.recommendations.length - recPairs.size;
  for (const [e, r] of recPairs) {
    const want = expected.recommendations[e]?.actions ?? [];
    const got = read.recommendations[r]?.actions ?? [];
    const actionPairs = pairUp(want, got, (a, b) => similarity(a.text, b.text), actionPairing);
    for (const [i, j] of actionPairs) {
      const a = want[i];
      const b = got[j];
      if (a === undefined || b === undefined) continue;
      const text = similarity(a.text, b.text) >= actionTextMatch;
      const lead = normalise(a.lead) === normalise(b.lead);
      const deadline = (a.deadline?.iso ?? null) === b.target.deadline;
      const status = noStatus(a.status) ? noStatus(b.status?.status) : a.status === b.status?.status;
      score.text += Number(text);
      score.lead += Number(lead);
      score.deadline += Number(deadline);
      score.status += Number(status);
      score.right += Number(text && lead && deadline && status);
    }
  }
  return score;
}

export type ScoreTotals = Omit<DocumentScore, "error"> & { documents: number; errors: number };

export function addScores(scores: readonly DocumentScore[]): ScoreTotals {
  const totals: ScoreTotals = {
    documents: 0,
    errors: 0,
    recommendations: 0,
    recovered: 0,
    invented: 0,
    actions: 0,
    right: 0,
    text: 0,
    lead: 0,
    deadline: 0,
    status: 0,
  };
  for (const s of scores) {
    totals.documents += 1;
    totals.errors += Number(s.error !== null);
    totals.recommendations += s.recommendations;
    totals.recovered += s.recovered;
    totals.invented += s.invented;
    totals.actions += s.actions;
    totals.right += s.right;
    totals.text += s.text;
    totals.lead += s.lead;
    totals.deadline += s.deadline;
    totals.status += s.status;
  }
  return totals;
}

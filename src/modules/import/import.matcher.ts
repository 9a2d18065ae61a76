import type { ParsedStatus, PlanAction, PlanRecommendation } from "./import.plan.js";

/** What the graph already holds for a peer challenge, as the matcher needs it. */
export interface HeldRecommendation {
  id: number;
  reference: string;
  order: number;
  text: string;
  actions: HeldAction[];
}
export interface HeldAction {
  id: number;
  order: number;
  text: string;
  latest: { status: string; statusText: string; rag: string | null } | null;
}

export interface PlanDiff {
  newRecommendations: PlanRecommendation[];
  /** Actions new to a recommendation the graph already holds. */
  newActions: { recommendationId: number; action: PlanAction }[];
  statusChanges: { actionId: number; status: ParsedStatus; update: string | null; line: number }[];
  matchedRecommendations: number;
  matchedActions: number;
  /** Each held recommendation matched, with the parsed recommendation's reference. */
  recommendationPairs: { recommendationId: number; reference: string }[];
  /** Each held action matched, with the parsed action's place (its recommendation's reference, its order). */
  actionPairs: { actionId: number; reference: string; order: number }[];
  disappearedRecommendations: { reference: string; text: string }[];
  disappearedActions: { reference: string; order: number; text: string }[];
}

function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** Jaccard similarity of word sets: robust to reflowed lines and small edits between versions. */
export function similarity(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared += 1;
  return shared / (x.size + y.size - shared);
}

const recommendationThreshold = 0.6;
const actionThreshold = 0.5;

function pairUp<H, P>(
  held: H[],
  parsed: P[],
  exact: (h: H, p: P) => boolean,
  score: (h: H, p: P) => number,
  threshold: number,
) {
  const pairs: [H, P][] = [];
  const freeHeld = new Set(held);
  const freeParsed: P[] = [];
  for (const p of parsed) {
    const h = held.find((x) => freeHeld.has(x) && exact(x, p));
    if (h === undefined) freeParsed.push(p);
    else {
      freeHeld.delete(h);
      pairs.push([h, p]);
    }
  }
  const unmatched: P[] = [];
  for (const p of freeParsed) {
    let best: H | undefined;
    let bestScore = threshold;
    for (const h of freeHeld) {
      const s = score(h, p);
      if (s >= bestScore) {
        best = h;
        bestScore = s;
      }
    }
    if (best === undefined) unmatched.push(p);
    else {
      freeHeld.delete(best);
      pairs.push([best, p]);
    }
  }
  return { pairs, unmatched, leftover: [...freeHeld] };
}

function statusChanged(held: HeldAction["latest"], next: ParsedStatus): boolean {
  if (held === null) return true;
  return held.status !== next.status || held.statusText !== next.text || held.rag !== next.rag;
}

/**
 * Matches a newly parsed version of a plan to what is held: recommendations by reference, then by
 * text similarity; actions within a matched recommendation by identical text, then similarity.
 * Pure, so the rules can be tested without a database.
 */
export function diffPlan(held: HeldRecommendation[], parsed: PlanRecommendation[]): PlanDiff {
  const diff: PlanDiff = {
    newRecommendations: [],
    newActions: [],
    statusChanges: [],
    matchedRecommendations: 0,
    matchedActions: 0,
    recommendationPairs: [],
    actionPairs: [],
    disappearedRecommendations: [],
    disappearedActions: [],
  };
  const recs = pairUp(
    held,
    parsed,
    (h, p) => h.reference === p.reference,
    (h, p) => similarity(h.text, p.text),
    recommendationThreshold,
  );
  diff.newRecommendations = recs.unmatched;
  diff.disappearedRecommendations = recs.leftover.map((h) => ({ reference: h.reference, text: h.text }));
  diff.matchedRecommendations = recs.pairs.length;
  diff.recommendationPairs = recs.pairs.map(([h, p]) => ({ recommendationId: h.id, reference: p.reference }));
  for (const [h, p] of recs.pairs) {
    const acts = pairUp(
      h.actions,
      p.actions,
      (x, y) => x.text === y.text,
      (x, y) => similarity(x.text, y.text),
      actionThreshold,
    );
    diff.matchedActions += acts.pairs.length;
    for (const action of acts.unmatched) diff.newActions.push({ recommendationId: h.id, action });
    for (const gone of acts.leftover)
      diff.disappearedActions.push({ reference: h.reference, order: gone.order, text: gone.text });
    for (const [x, y] of acts.pairs) {
      diff.actionPairs.push({ actionId: x.id, reference: p.reference, order: y.order });
      if (y.status !== null && statusChanged(x.latest, y.status)) {
        diff.statusChanges.push({ actionId: x.id, status: y.status, update: y.update, line: y.line });
      }
    }
  }
  return diff;
}

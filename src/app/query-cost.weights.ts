import type { BenchmarkDimensionValue } from "../modules/benchmark/benchmark.model.js";

/**
 * What the cost model (query-cost.ts) charges, in one place. A unit is roughly one row the database
 * reads or one batched read: an object or list field costs 1, each item of a list 1 more, and leaf
 * fields nothing (they come with their row, or from a per-request loader batched over the list).
 */

/**
 * Typical lengths of the plain (unpaginated) lists, from the data: a council has about one peer
 * challenge, a plan about ten recommendations of about four actions. Peer groups make the graph
 * cyclic (council → groups → members → groups …), so their lengths are what bounds breadth.
 */
export const listLengths: Readonly<Record<string, number>> = {
  "Council.peerGroups": 6,
  "Council.peerChallenges": 1,
  "PeerGroup.members": 50,
  "PeerChallenge.recommendations": 10,
  "PeerChallenge.sourceDocuments": 2,
  "SourceDocument.recommendations": 10,
  "Recommendation.actions": 4,
  "Recommendation.themes": 2,
  "Recommendation.themeLinks": 2,
  "Action.progressUpdates": 2,
  "Action.revisions": 2,
  "ApiKey.councils": 2,
  "Query.themes": 5,
  "Theme.children": 5,
  "Query.drafts": 3,
  "PlanDraft.recommendations": 10,
  "DraftRecommendation.actions": 4,
  "DraftRecommendation.themes": 2,
  "BenchmarkComparison.components": 5,
  "BenchmarkComparison.themes": 22,
};
export const defaultListLength = 10;

/** A connection's page when `first` is not given (the service's default page). */
export const defaultConnectionPage = 20;

/**
 * One benchmark statement scans every matching action and groups it: the heaviest work a read can
 * ask for. Charged per grouped dimension plus one, and for a series once per period.
 */
export const benchmarkWeight = 100;

/** A comparison ranks the council among every member of the group, per theme. */
export const comparisonWeight = 50;

/**
 * How many values each dimension takes at most, nationally (332 councils, 22 sub-themes and a null
 * row, …): the rows of a grouping are estimated as the product, cut at `first`.
 */
export const benchmarkDimensionSizes: Readonly<Record<BenchmarkDimensionValue, number>> = {
  COUNCIL: 332,
  COUNCIL_TYPE: 8,
  REGION: 9,
  PEER_CHALLENGE: 400,
  LGA_COMPONENT: 6,
  THEME: 23,
  STATUS: 5,
  DEADLINE_YEAR: 12,
  DEADLINE_QUARTER: 48,
};

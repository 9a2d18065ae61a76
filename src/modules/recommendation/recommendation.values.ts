/** RECOMMENDATION for a peer team's recommendation; COMMITMENT for a council's narrative undertaking with no actions. */
export const recommendationKinds = ["RECOMMENDATION", "COMMITMENT"] as const;
export type RecommendationKindValue = (typeof recommendationKinds)[number];

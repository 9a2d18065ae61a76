import { Field, ID, InputType, Int } from "type-graphql";

@InputType("UpdateRecommendationInput", {
  description:
    "A correction of a recommendation's printed fields or its theme links. It applies to every asOf (the plan was wrong, not changed); the old values stay in Recommendation.revisions. Omitted fields are unchanged.",
})
export class UpdateRecommendationInput {
  @Field(() => ID, { description: "The recommendation's global ID (Recommendation.id)." })
  recommendation!: string;

  @Field(() => Int, { description: "The Recommendation.version read; a stale one is refused with write.conflict." })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: "The short title; null or blank for none." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The recommendation's text; cannot be empty." })
  text?: string;

  @Field(() => String, {
    nullable: true,
    description: "The council's position on / response to it (Recommendation.position); null or blank for none.",
  })
  position?: string | null;

  @Field(() => String, { nullable: true, description: "Accountable role; null or blank for none." })
  accountable?: string | null;

  @Field(() => String, { nullable: true, description: "Responsible role; null or blank for none." })
  responsible?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "Sub-theme codes (priorities-outcomes.performance-data) that replace every theme link with a person's (HAND, confidence 1), which re-imports and the rules never replace; an empty list leaves it unclassified. Benchmarks count it under these from every day.",
  })
  themes?: string[];
}

import { Field, InputType } from "type-graphql";
import { RecommendationKind } from "./recommendation.type.js";
import type { RecommendationRow } from "./recommendation.table.js";

@InputType("RecommendationFilter", { description: "Narrows a list of recommendations; conditions combine with AND." })
export class RecommendationFilter {
  @Field(() => [String], { nullable: true, description: "Councils by GSS code (E07000073); any of them." })
  councils?: string[] | null;

  @Field(() => String, { nullable: true, description: "Members of this peer group, by slug (greater-essex)." })
  peerGroup?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Theme codes; a component code stands for all its sub-themes. Any of them.",
  })
  themes?: string[] | null;

  @Field(() => [RecommendationKind], { nullable: true, description: "Recommendation kinds; any of them." })
  kinds?: RecommendationRow["kind"][] | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive text search in text, title and theme label." })
  search?: string | null;
}

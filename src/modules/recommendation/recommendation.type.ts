import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { recommendationKinds, type RecommendationKindValue } from "./recommendation.values.js";

type Kind = RecommendationKindValue;
export const RecommendationKind = enumOf(recommendationKinds);
registerEnumType(RecommendationKind, {
  name: "RecommendationKind",
  description: "What sort of record a recommendation is.",
  valuesConfig: {
    RECOMMENDATION: { description: "A numbered recommendation of the peer team, with the council's actions." },
    COMMITMENT: {
      description:
        "A council's narrative undertaking to take the CPC forward, with no dated actions (Southend-on-Sea).",
    },
  },
});

@ObjectType("Recommendation", {
  implements: Node,
  description: "One recommendation of a peer challenge, with the council's response and actions.",
})
export class Recommendation extends Node {
  @Field(() => String, { description: 'Reference as printed ("1", "R3"); the order number when none is printed.' })
  reference!: string;

  @Field(() => Int, { description: "1-based position in the document." })
  order!: number;

  @Field(() => RecommendationKind, { description: "Recommendation or narrative commitment." })
  kind!: Kind;

  @Field(() => String, { nullable: true, description: "Short title, if the document prints one." })
  title!: string | null;

  @Field(() => String, { description: "Full text as printed." })
  text!: string;

  @Field(() => String, {
    nullable: true,
    name: "position",
    description: "The council's position on / response to the recommendation, as printed.",
  })
  councilPosition!: string | null;

  @Field(() => String, { nullable: true, description: "Accountable role, as printed." })
  accountable!: string | null;

  @Field(() => String, { nullable: true, description: "Responsible role, as printed." })
  responsible!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The council\'s own theme label ("Scrutiny Effectiveness"), kept beside the LGA themes.',
  })
  themeLabel!: string | null;

  @Field(() => Int, {
    description:
      "Raised by 1 on every correction (updateRecommendation, a published draft's); a mutation states the version it read as expectedVersion.",
  })
  version!: number;
}

@ObjectType("RecommendationRevision", {
  description:
    "One field of a recommendation corrected by a person, with the value before and after. Revisions are appended, never overwritten.",
})
export class RecommendationRevision {
  @Field(() => Int, { description: "The recommendation's version this change produced." })
  version!: number;

  @Field(() => String, {
    description:
      "The field changed: title, text, position, accountable, responsible, or themes (sub-theme codes, comma-separated).",
  })
  field!: string;

  @Field(() => String, { nullable: true, description: "The value before the change; null when there was none." })
  before!: string | null;

  @Field(() => String, { nullable: true, description: "The value after the change; null when cleared." })
  after!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why, when it came from elsewhere than updateRecommendation ("corrected in draft 12").',
  })
  reason!: string | null;

  @Field(() => String, { description: "Who made it: the name of the key (or ADMIN_TOKEN, CLI operator)." })
  keyName!: string;
}

@ObjectType("RecommendationConnection", { description: "A page of recommendations." })
export class RecommendationConnection extends Connection(Recommendation, "recommendation") {}

import { Field, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { datePrecision, peerChallengeKind } from "./peer-challenge.table.js";

type Kind = (typeof peerChallengeKind.enumValues)[number];
type Precision = (typeof datePrecision.enumValues)[number];
export const PeerChallengeKind = enumOf(peerChallengeKind.enumValues);
export const DatePrecision = enumOf(datePrecision.enumValues);
registerEnumType(PeerChallengeKind, {
  name: "PeerChallengeKind",
  description: "A Corporate Peer Challenge or its follow-up progress review.",
  valuesConfig: {
    CPC: { description: "The Corporate Peer Challenge itself." },
    PROGRESS_REVIEW: { description: "The progress review, about ten months later." },
  },
});
registerEnumType(DatePrecision, {
  name: "DatePrecision",
  description: "How precisely a document states a date.",
  valuesConfig: {
    DAY: { description: "The exact day is known." },
    MONTH: { description: "Only the month is known; the date is the first of it." },
    YEAR: { description: "Only the year is known; the date is 1 January." },
    UNKNOWN: { description: "No date is known." },
  },
});

@ObjectType("PeerChallenge", {
  implements: Node,
  description:
    "A council's Corporate Peer Challenge (or progress review): its dates, recommendations and source documents.",
})
export class PeerChallenge extends Node {
  @Field(() => PeerChallengeKind, { description: "CPC or progress review." })
  kind!: Kind;

  @Field(() => String, { description: "Title, as the council's documents name it." })
  title!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "First day on site (the first of the month when only the month is known).",
  })
  heldOn!: string | null;

  @Field(() => DatePrecision, { description: "How precisely heldOn is known." })
  heldOnPrecision!: Precision;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the peer team's report was published, if known." })
  reportPublishedOn!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the council published or agreed its action plan, if known.",
  })
  actionPlanPublishedOn!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the progress review was held or planned, if known.",
  })
  progressReviewOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Provenance of the dates above: what the documents say and what was inferred.",
  })
  notes!: string | null;
}

@ObjectType("PeerChallengeConnection", { description: "A page of peer challenges." })
export class PeerChallengeConnection extends Connection(PeerChallenge, "peer challenge") {}

import { Field, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { peerGroupKind } from "./peer-group.table.js";

export type PeerGroupKindValue = (typeof peerGroupKind.enumValues)[number];
export const PeerGroupKind = enumOf(peerGroupKind.enumValues);
registerEnumType(PeerGroupKind, {
  name: "PeerGroupKind",
  description: "How a peer group was formed.",
  valuesConfig: {
    TYPE: { description: "Every council of one type (all non-metropolitan districts)." },
    REGION: { description: "Every council in one English region." },
    COUNTY: { description: "A county council with the districts in its area." },
    NAMED: { description: "A seeded, named group such as Greater Essex." },
    USER: { description: "A group a user defined." },
  },
});

@ObjectType("PeerGroup", { implements: Node, description: "A named set of councils to compare a council against." })
export class PeerGroup extends Node {
  @Field(() => String, {
    description: "URL-safe key, unique (greater-essex, type-nmd, region-east-of-england, county-ess).",
  })
  slug!: string;

  @Field(() => String, { description: "Display name." })
  name!: string;

  @Field(() => PeerGroupKind, { description: "How the group was formed." })
  kind!: PeerGroupKindValue;

  @Field(() => String, { description: "What the group holds and why." })
  description!: string;
}

@ObjectType("PeerGroupConnection", { description: "A page of peer groups." })
export class PeerGroupConnection extends Connection(PeerGroup, "peer group") {}

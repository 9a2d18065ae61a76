import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
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

  @Field(() => Int, {
    description:
      "Raised by 1 on every change; state it as expectedVersion when changing a user group. Always 1 for built-in groups.",
  })
  version!: number;

  @Field(() => Boolean, {
    description: "For a user group: whether everyone may read it. Built-in groups are everyone's and read false.",
  })
  shared!: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      "The global ID of the API key (ApiKey.id) that made a user group; null for built-in groups and for groups made with ADMIN_TOKEN or the CLI.",
  })
  ownerKeyId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Who made a user group, as their key is named; null for built-in groups.",
  })
  ownerName!: string | null;

  @Field(() => String, { description: "When the group was stored (ISO 8601, UTC)." })
  createdAt!: string;

  @Field(() => String, { description: "When the group last changed (ISO 8601, UTC)." })
  updatedAt!: string;
}

@ObjectType("DeletedPeerGroup", { description: "What deletePeerGroup removed." })
export class DeletedPeerGroup {
  @Field(() => ID, { description: "The deleted group's global ID; node(id:) now answers node.not_found." })
  id!: string;

  @Field(() => String, { description: "Its slug, free for a new group to take." })
  slug!: string;
}

@ObjectType("PeerGroupConnection", { description: "A page of peer groups." })
export class PeerGroupConnection extends Connection(PeerGroup, "peer group") {}

import { Field, ID, InterfaceType } from "type-graphql";

@InterfaceType("Node", {
  description: "An object with a global ID, fetchable again with `node(id:)` (Relay).",
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: "Global, opaque identifier of this object." })
  id!: string;
}

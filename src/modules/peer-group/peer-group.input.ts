import { Field, ID, InputType, Int } from "type-graphql";

@InputType("CreatePeerGroupInput", { description: "A peer group of your own to make." })
export class CreatePeerGroupInput {
  @Field(() => String, { description: "Display name, 1 to 200 characters." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "URL-safe key, unique across all groups (built-in ones too): lower-case words joined by hyphens, not starting type-, region- or county-. Default: made from the name.",
  })
  slug?: string | null;

  @Field(() => String, { nullable: true, description: "What the group holds and why; default names its owner." })
  description?: string | null;

  @Field(() => [String], { description: "The member councils' GSS codes, at least one." })
  councils!: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether everyone may read the group and benchmark against it (default false: you and admins only).",
  })
  shared?: boolean | null;
}

/** The fields every change to a group states: which group, and the version it was read at. */
@InputType()
abstract class PeerGroupEditInput {
  @Field(() => ID, { description: "The group's global ID (PeerGroup.id)." })
  id!: string;

  @Field(() => Int, {
    description: "The version the group was read at (PeerGroup.version); a stale one is write.conflict.",
  })
  expectedVersion!: number;
}

@InputType("RenamePeerGroupInput", { description: "A new name, and optionally a new slug, for a group of yours." })
export class RenamePeerGroupInput extends PeerGroupEditInput {
  @Field(() => String, { description: "The new display name, 1 to 200 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "A new slug, with the rules of createPeerGroup; default: kept." })
  slug?: string | null;
}

@InputType("SetPeerGroupMembersInput", { description: "The complete new member list of a group of yours." })
export class SetPeerGroupMembersInput extends PeerGroupEditInput {
  @Field(() => [String], { description: "GSS codes of every member the group holds afterwards, at least one." })
  councils!: string[];
}

@InputType("SharePeerGroupInput", { description: "Whether a group of yours is readable by everyone." })
export class SharePeerGroupInput extends PeerGroupEditInput {
  @Field(() => Boolean, { description: "True: everyone may read it; false: you and admins only." })
  shared!: boolean;
}

@InputType("DeletePeerGroupInput", { description: "A group of yours to delete." })
export class DeletePeerGroupInput extends PeerGroupEditInput {}

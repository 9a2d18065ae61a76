import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import {
  CreatePeerGroupInput,
  DeletePeerGroupInput,
  RenamePeerGroupInput,
  SetPeerGroupMembersInput,
  SharePeerGroupInput,
} from "./peer-group.input.js";
import type { PeerGroupRow } from "./peer-group.table.js";
import {
  DeletedPeerGroup,
  PeerGroup,
  PeerGroupConnection,
  PeerGroupKind,
  type PeerGroupKindValue,
} from "./peer-group.type.js";

@ArgsType()
export class PeerGroupsArgs extends ConnectionArgs {
  @Field(() => [PeerGroupKind], { nullable: true, description: "Only groups of these kinds." })
  kinds?: PeerGroupKindValue[] | null;
}

const changeRules =
  "Needs an API key (auth.required); only the group's owner or an admin may change it, and to anyone else it is peer_group.not_found; built-in groups answer peer_group.built_in. A stale expectedVersion is write.conflict and changes nothing. Audited.";

@Resolver(() => PeerGroup)
export class PeerGroupResolver {
  @Query(() => PeerGroup, {
    nullable: true,
    description:
      "One peer group, by slug. Null when none matches, with a peer_group.not_found error for this field; another key's private group answers the same.",
  })
  async peerGroup(
    @Ctx() ctx: AppContext,
    @Arg("slug", () => String, { description: "Slug (greater-essex)." }) slug: string,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroup.requireBySlug(ctx.identity, slug, "slug");
  }

  @Query(() => PeerGroupConnection, {
    description:
      "Peer groups: built-in by type, region and county, seeded named groups, then user groups the request may see (shared ones, its own, all for admins).",
  })
  async peerGroups(@Ctx() ctx: AppContext, @Args(() => PeerGroupsArgs) { kinds, first, after }: PeerGroupsArgs) {
    return toConnection(await ctx.services.peerGroup.list(ctx.identity, kinds ?? undefined, first, after));
  }

  @Mutation(() => PeerGroup, {
    description:
      "Makes a peer group of your own (kind USER), private unless shared. Needs an API key (auth.required); a slug another group holds is peer_group.slug_taken. Audited.",
  })
  async createPeerGroup(
    @Ctx() ctx: AppContext,
    @Arg("input", () => CreatePeerGroupInput, { description: "The group to make." }) input: CreatePeerGroupInput,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroupEdit.create(ctx.identity, input);
  }

  @Mutation(() => PeerGroup, { description: `Renames a group of yours, and changes its slug if given. ${changeRules}` })
  async renamePeerGroup(
    @Ctx() ctx: AppContext,
    @Arg("input", () => RenamePeerGroupInput, { description: "The group and its new name." })
    input: RenamePeerGroupInput,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroupEdit.rename(ctx.identity, input);
  }

  @Mutation(() => PeerGroup, { description: `Replaces the members of a group of yours. ${changeRules}` })
  async setPeerGroupMembers(
    @Ctx() ctx: AppContext,
    @Arg("input", () => SetPeerGroupMembersInput, { description: "The group and its complete new members." })
    input: SetPeerGroupMembersInput,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroupEdit.setMembers(ctx.identity, input);
  }

  @Mutation(() => PeerGroup, {
    description: `Shares a group of yours with everyone, or makes it private again. ${changeRules}`,
  })
  async sharePeerGroup(
    @Ctx() ctx: AppContext,
    @Arg("input", () => SharePeerGroupInput, { description: "The group and whether it is shared." })
    input: SharePeerGroupInput,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroupEdit.share(ctx.identity, input);
  }

  @Mutation(() => DeletedPeerGroup, {
    description: `Deletes a group of yours; its audit event keeps what it held. ${changeRules}`,
  })
  async deletePeerGroup(
    @Ctx() ctx: AppContext,
    @Arg("input", () => DeletePeerGroupInput, { description: "The group to delete." }) input: DeletePeerGroupInput,
  ): Promise<DeletedPeerGroup> {
    const deleted = await ctx.services.peerGroupEdit.delete(ctx.identity, input);
    return { id: toGlobalId("PeerGroup", deleted.id), slug: deleted.slug };
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() group: PeerGroupRow): string {
    return toGlobalId("PeerGroup", group.id);
  }

  @FieldResolver(() => [Council], { description: "The member councils, alphabetically." })
  async members(@Root() group: PeerGroupRow, @Ctx() ctx: AppContext): Promise<CouncilRow[]> {
    return ctx.loaders.peerGroup.membersByGroupId.load(group.id);
  }

  @FieldResolver(() => Int, { description: "How many councils the group holds." })
  async memberCount(@Root() group: PeerGroupRow, @Ctx() ctx: AppContext): Promise<number> {
    return (await ctx.loaders.peerGroup.membersByGroupId.load(group.id)).length;
  }

  @FieldResolver(() => ID, { nullable: true, description: "The global ID of the key that made a user group." })
  ownerKeyId(@Root() group: PeerGroupRow): string | null {
    return group.ownerKeyId === null ? null : toGlobalId("ApiKey", group.ownerKeyId);
  }

  @FieldResolver(() => String, { description: "When the group was stored (ISO 8601, UTC)." })
  createdAt(@Root() group: PeerGroupRow): string {
    return group.createdAt.toISOString();
  }

  @FieldResolver(() => String, { description: "When the group last changed (ISO 8601, UTC)." })
  updatedAt(@Root() group: PeerGroupRow): string {
    return group.updatedAt.toISOString();
  }
}

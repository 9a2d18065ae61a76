import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import type { PeerGroupRow } from "./peer-group.table.js";
import { PeerGroup, PeerGroupConnection, PeerGroupKind, type PeerGroupKindValue } from "./peer-group.type.js";

@ArgsType()
export class PeerGroupsArgs extends ConnectionArgs {
  @Field(() => [PeerGroupKind], { nullable: true, description: "Only groups of these kinds." })
  kinds?: PeerGroupKindValue[] | null;
}

@Resolver(() => PeerGroup)
export class PeerGroupResolver {
  @Query(() => PeerGroup, {
    nullable: true,
    description: "One peer group, by slug. Null when none matches, with a peer_group.not_found error for this field.",
  })
  async peerGroup(
    @Ctx() ctx: AppContext,
    @Arg("slug", () => String, { description: "Slug (greater-essex)." }) slug: string,
  ): Promise<PeerGroupRow> {
    return ctx.services.peerGroup.requireBySlug(slug, "slug");
  }

  @Query(() => PeerGroupConnection, {
    description: "Peer groups: built-in by type, region and county, seeded named groups, user groups.",
  })
  async peerGroups(@Ctx() ctx: AppContext, @Args(() => PeerGroupsArgs) { kinds, first, after }: PeerGroupsArgs) {
    return toConnection(await ctx.services.peerGroup.list(kinds ?? undefined, first, after));
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
}

import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { PeerChallenge } from "../peer-challenge/peer-challenge.type.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { PeerGroup } from "../peer-group/peer-group.type.js";
import type { PeerGroupRow } from "../peer-group/peer-group.table.js";
import { CouncilsArgs } from "./council.args.js";
import type { CouncilRow } from "./council.table.js";
import { Council, CouncilConnection } from "./council.type.js";

@Resolver(() => Council)
export class CouncilResolver {
  // Nullable, so that one unknown code among aliased lookups costs only its own field: the miss is
  // an error entry (with its path) beside the other answers.
  @Query(() => Council, {
    nullable: true,
    description:
      "One council, by GSS code or by slug (give exactly one). Null when none matches, with a council.not_found error for this field.",
  })
  async council(
    @Ctx() ctx: AppContext,
    @Arg("gssCode", () => String, { nullable: true, description: "GSS code (E07000073)." }) gssCode?: string | null,
    @Arg("slug", () => String, { nullable: true, description: "Slug (harlow)." }) slug?: string | null,
  ): Promise<CouncilRow> {
    return ctx.services.council.find({ gssCode: gssCode ?? null, slug: slug ?? null });
  }

  @Query(() => CouncilConnection, { description: "Councils, alphabetically by name." })
  async councils(@Ctx() ctx: AppContext, @Args(() => CouncilsArgs) { filter, first, after }: CouncilsArgs) {
    return toConnection(await ctx.services.council.list(ctx.identity, filter, first, after));
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() council: CouncilRow): string {
    return toGlobalId("Council", council.id);
  }

  @FieldResolver(() => Council, { nullable: true, description: "The county council whose area this district lies in." })
  async county(@Root() council: CouncilRow, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return council.countyCode === null ? null : ctx.loaders.council.byRegisterCode.load(council.countyCode);
  }

  @FieldResolver(() => [PeerChallenge], { description: "The council's peer challenges in the graph, oldest first." })
  async peerChallenges(@Root() council: CouncilRow, @Ctx() ctx: AppContext): Promise<PeerChallengeRow[]> {
    return ctx.loaders.peerChallenge.byCouncilId.load(council.id);
  }

  @FieldResolver(() => Boolean, { description: "Whether the graph holds a peer challenge for this council." })
  async hasPeerChallenge(@Root() council: CouncilRow, @Ctx() ctx: AppContext): Promise<boolean> {
    return (await ctx.loaders.peerChallenge.byCouncilId.load(council.id)).length > 0;
  }

  @FieldResolver(() => [PeerGroup], {
    description: "The peer groups this council belongs to that the request may see.",
  })
  async peerGroups(@Root() council: CouncilRow, @Ctx() ctx: AppContext): Promise<PeerGroupRow[]> {
    return ctx.services.peerGroup.visibleOf(
      ctx.identity,
      await ctx.loaders.peerGroup.groupsByCouncilId.load(council.id),
    );
  }
}

import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import { SourceDocument } from "../import/source-document.type.js";
import type { SourceDocumentRow } from "../import/source-document.table.js";
import { Recommendation } from "../recommendation/recommendation.type.js";
import type { RecommendationRow } from "../recommendation/recommendation.table.js";
import { PeerChallengeFilter } from "./peer-challenge.input.js";
import type { PeerChallengeRow } from "./peer-challenge.table.js";
import { PeerChallenge, PeerChallengeConnection } from "./peer-challenge.type.js";

@ArgsType()
export class PeerChallengesArgs extends ConnectionArgs {
  @Field(() => PeerChallengeFilter, { nullable: true, description: "Conditions the peer challenges must meet." })
  filter?: PeerChallengeFilter | null;
}

@Resolver(() => PeerChallenge)
export class PeerChallengeResolver {
  @Query(() => PeerChallengeConnection, { description: "Peer challenges, by council name then date." })
  async peerChallenges(
    @Ctx() ctx: AppContext,
    @Args(() => PeerChallengesArgs) { filter, first, after }: PeerChallengesArgs,
  ) {
    return toConnection(await ctx.services.peerChallenge.list(ctx.identity, filter, first, after));
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() challenge: PeerChallengeRow): string {
    return toGlobalId("PeerChallenge", challenge.id);
  }

  @FieldResolver(() => Council, { description: "The council challenged." })
  async council(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return ctx.loaders.council.byId.load(challenge.councilId);
  }

  @FieldResolver(() => [Recommendation], { description: "Its recommendations, in document order." })
  async recommendations(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): Promise<RecommendationRow[]> {
    return ctx.loaders.recommendation.byPeerChallengeId.load(challenge.id);
  }

  @FieldResolver(() => [SourceDocument], { description: "The documents imported for it, oldest recording first." })
  async sourceDocuments(@Root() challenge: PeerChallengeRow, @Ctx() ctx: AppContext): Promise<SourceDocumentRow[]> {
    return ctx.loaders.sourceDocument.byPeerChallengeId.load(challenge.id);
  }
}

import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { loadAll } from "../../shared/graphql/loader-helpers.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Action } from "../action/action.type.js";
import type { ActionRow } from "../action/action.table.js";
import { SourceLocation } from "../import/source-document.type.js";
import { PeerChallenge } from "../peer-challenge/peer-challenge.type.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { Theme, ThemeLink } from "../theme/theme.type.js";
import type { ThemeRow } from "../theme/theme.table.js";
import { RecommendationFilter } from "./recommendation.input.js";
import type { RecommendationRow, RecommendationThemeRow } from "./recommendation.table.js";
import type { RecommendationRevisionRow } from "./recommendation-revision.table.js";
import { Recommendation, RecommendationConnection, RecommendationRevision } from "./recommendation.type.js";

@ArgsType()
export class RecommendationsArgs extends ConnectionArgs {
  @Field(() => RecommendationFilter, { nullable: true, description: "Conditions the recommendations must meet." })
  filter?: RecommendationFilter | null;
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => RecommendationConnection, { description: "Recommendations, by council, challenge and document order." })
  async recommendations(
    @Ctx() ctx: AppContext,
    @Args(() => RecommendationsArgs) { filter, first, after }: RecommendationsArgs,
  ) {
    return toConnection(await ctx.services.recommendation.list(ctx.identity, filter, first, after));
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() rec: RecommendationRow): string {
    return toGlobalId("Recommendation", rec.id);
  }

  @FieldResolver(() => PeerChallenge, { description: "The peer challenge that made it." })
  async peerChallenge(@Root() rec: RecommendationRow, @Ctx() ctx: AppContext): Promise<PeerChallengeRow | null> {
    return ctx.loaders.peerChallenge.byId.load(rec.peerChallengeId);
  }

  @FieldResolver(() => [Action], { description: "The council's actions for it, in plan order." })
  async actions(@Root() rec: RecommendationRow, @Ctx() ctx: AppContext): Promise<ActionRow[]> {
    return ctx.loaders.action.byRecommendationId.load(rec.id);
  }

  @FieldResolver(() => [Theme], { description: "The sub-themes it is classified under, most confident first." })
  async themes(@Root() rec: RecommendationRow, @Ctx() ctx: AppContext): Promise<ThemeRow[]> {
    const links = await ctx.loaders.theme.linksByRecommendationId.load(rec.id);
    const themes = await loadAll(
      ctx.loaders.theme.byId,
      links.map((l) => l.themeId),
    );
    return themes.filter((t): t is ThemeRow => t !== null);
  }

  @FieldResolver(() => [ThemeLink], {
    description: "Its classifications with how each was made (rule or hand) and the rule's confidence.",
  })
  async themeLinks(@Root() rec: RecommendationRow, @Ctx() ctx: AppContext): Promise<RecommendationThemeRow[]> {
    return ctx.loaders.theme.linksByRecommendationId.load(rec.id);
  }

  @FieldResolver(() => [RecommendationRevision], {
    description:
      "Every correction a person made to it or its theme links, oldest first, with the values before and after.",
  })
  async revisions(@Root() rec: RecommendationRow, @Ctx() ctx: AppContext): Promise<RecommendationRevisionRow[]> {
    return ctx.loaders.recommendation.revisionsByRecommendationId.load(rec.id);
  }

  @FieldResolver(() => SourceLocation, { description: "The document and line it was read from." })
  source(@Root() rec: RecommendationRow): SourceLocation {
    return { documentId: rec.sourceDocumentId, line: rec.sourceLine };
  }
}

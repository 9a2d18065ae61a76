import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { toConnection, toPageRequest } from "../../shared/graphql/pagination.js";
import { RecommendationConnection } from "../recommendation/recommendation.type.js";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import type { RecommendationThemeRow } from "../recommendation/recommendation.table.js";
import type { ThemeRow } from "./theme.table.js";
import { Theme, ThemeLink } from "./theme.type.js";

@ArgsType()
export class ThemeReviewArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Only this council's recommendations (GSS code)." })
  council?: string | null;
}

@Resolver(() => Theme)
export class ThemeResolver {
  @Query(() => RecommendationConnection, {
    description:
      "Recommendations waiting for a person to classify them: the classifier abstained (no theme link, so their actions count in benchmarks' unclassified row) or its best link is under rules.json's reviewBelow confidence, and no hand link exists. Abstentions first, then the least confident.",
  })
  async themeReview(@Ctx() ctx: AppContext, @Args(() => ThemeReviewArgs) { council, first, after }: ThemeReviewArgs) {
    return toConnection(await ctx.services.theme.review(council, first, after));
  }

  @Query(() => [Theme], {
    description: "The taxonomy: the five LGA components in LGA order, each with its sub-themes under `children`.",
  })
  async themes(@Ctx() ctx: AppContext): Promise<ThemeRow[]> {
    return ctx.services.theme.components();
  }

  @Query(() => Theme, {
    nullable: true,
    description: "One theme, by code. Null when none matches, with a theme.not_found error for this field.",
  })
  async theme(
    @Ctx() ctx: AppContext,
    @Arg("code", () => String, { description: "Theme code (governance-culture.scrutiny)." }) code: string,
  ): Promise<ThemeRow> {
    return ctx.services.theme.requireByCode(code, "code");
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() theme: ThemeRow): string {
    return toGlobalId("Theme", theme.id);
  }

  @FieldResolver(() => Theme, {
    nullable: true,
    description: "The component a sub-theme belongs to; null for a component.",
  })
  async parent(@Root() theme: ThemeRow, @Ctx() ctx: AppContext): Promise<ThemeRow | null> {
    return theme.parentId === null ? null : ctx.loaders.theme.byId.load(theme.parentId);
  }

  @FieldResolver(() => RecommendationConnection, {
    description: "Recommendations classified under this theme (under any sub-theme, for a component).",
  })
  async recommendations(
    @Root() theme: ThemeRow,
    @Ctx() ctx: AppContext,
    @Args(() => ConnectionArgs) { first, after }: ConnectionArgs,
  ) {
    const request = toPageRequest(first, after);
    const { rows, totalCount } = await ctx.loaders.recommendation.pageByThemeId(request).load(theme.id);
    return toConnection({ items: rows, totalCount, request });
  }

  @FieldResolver(() => [Theme], { description: "A component's sub-themes; empty for a sub-theme." })
  async children(@Root() theme: ThemeRow, @Ctx() ctx: AppContext): Promise<ThemeRow[]> {
    return ctx.loaders.theme.childrenById.load(theme.id);
  }
}

@Resolver(() => ThemeLink)
export class ThemeLinkResolver {
  @FieldResolver(() => Theme, { description: "The sub-theme." })
  async theme(@Root() link: RecommendationThemeRow, @Ctx() ctx: AppContext): Promise<ThemeRow | null> {
    return ctx.loaders.theme.byId.load(link.themeId);
  }
}

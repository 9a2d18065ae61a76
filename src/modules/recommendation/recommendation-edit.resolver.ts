import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../../context.js";
import { AppError } from "../../shared/errors/app-error.js";
import { fromGlobalId } from "../../shared/graphql/global-id.js";
import { UpdateRecommendationInput } from "./recommendation-edit.input.js";
import { recommendationErrorCodes } from "./recommendation.errors.js";
import type { RecommendationRow } from "./recommendation.table.js";
import { Recommendation } from "./recommendation.type.js";

@Resolver()
export class RecommendationEditResolver {
  @Mutation(() => Recommendation, {
    description:
      "Corrects a recommendation's title, text, position, accountable or responsible role, or its theme links, keeping the old values in Recommendation.revisions; it applies to every asOf. Editors of the recommendation's council and admins; anyone else gets recommendation.not_found, an anonymous caller auth.required. A stale expectedVersion gets write.conflict and changes nothing.",
  })
  async updateRecommendation(
    @Ctx() ctx: AppContext,
    @Arg("input", () => UpdateRecommendationInput, { description: "The correction." }) input: UpdateRecommendationInput,
  ): Promise<RecommendationRow> {
    const decoded = fromGlobalId(input.recommendation, "input.recommendation");
    // An ID of another type names no recommendation: answered like a missing one.
    if (decoded.type !== "Recommendation")
      throw new AppError(recommendationErrorCodes.notFound, "No recommendation has this id", {
        argument: "input.recommendation",
      });
    return ctx.services.recommendationEdit.update(ctx.identity, {
      recommendationId: decoded.id,
      expectedVersion: input.expectedVersion,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.text !== undefined && input.text !== null ? { text: input.text } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.accountable !== undefined ? { accountable: input.accountable } : {}),
      ...(input.responsible !== undefined ? { responsible: input.responsible } : {}),
      ...(input.themes !== undefined && input.themes !== null ? { themes: input.themes } : {}),
    });
  }
}

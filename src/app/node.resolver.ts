import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { AppError, sharedErrorCodes } from "../shared/errors/app-error.js";
import { fromGlobalId, type NodeType } from "../shared/graphql/global-id.js";
import { Node } from "../shared/graphql/node.interface.js";
import type { AppContext } from "../context.js";

@Resolver()
export class NodeResolver {
  // Nullable as in Relay: a miss is null plus a node.not_found error for this field, and the rest of the answer stands.
  @Query(() => Node, {
    nullable: true,
    description: "Any object by its global ID (Relay). Null when nothing has the ID, with a node.not_found error.",
  })
  async node(
    @Ctx() ctx: AppContext,
    @Arg("id", () => ID, { description: "A global ID this service issued." }) id: string,
  ): Promise<object> {
    const { type, id: key } = fromGlobalId(id);
    const loaders: Record<NodeType, () => Promise<object | null>> = {
      Council: () => ctx.loaders.council.byId.load(key),
      // Another key's private group answers exactly as an ID that names nothing.
      PeerGroup: () => ctx.services.peerGroup.findAs(ctx.identity, key),
      PeerChallenge: () => ctx.loaders.peerChallenge.byId.load(key),
      Recommendation: () => ctx.loaders.recommendation.byId.load(key),
      Theme: () => ctx.loaders.theme.byId.load(key),
      Action: () => ctx.loaders.action.byId.load(key),
      ProgressUpdate: () => ctx.loaders.action.updateById.load(key),
      SourceDocument: () => ctx.loaders.sourceDocument.byId.load(key),
      // Admins only: to anyone else a key answers exactly as an ID that names nothing.
      ApiKey: () => ctx.services.apiKey.findAs(ctx.identity, key),
      // As auditEvents lists them: admins all, editors their councils', others none.
      AuditEvent: () => ctx.services.audit.findAs(ctx.identity, key),
      // Editors of the council and admins only, likewise.
      PlanDraft: () => ctx.services.draft.findAs(ctx.identity, key),
      DraftRecommendation: () => ctx.services.draft.findRecommendationAs(ctx.identity, key),
      DraftAction: () => ctx.services.draft.findActionAs(ctx.identity, key),
    };
    const found = await loaders[type]();
    if (found === null)
      throw new AppError(sharedErrorCodes.notFound, `No ${type} has the ID ${id}`, { argument: "id" });
    // The row keeps its numeric id: each type's own `id` field resolver turns it into the global ID.
    return { ...found, __typename: type };
  }
}

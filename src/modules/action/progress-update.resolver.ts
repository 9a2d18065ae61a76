import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { SourceDocument } from "../import/source-document.type.js";
import type { SourceDocumentRow } from "../import/source-document.table.js";
import type { ActionRow } from "./action.table.js";
import { Action, ProgressUpdate } from "./action.type.js";
import type { ProgressUpdateRow } from "./progress-update.table.js";

@Resolver(() => ProgressUpdate)
export class ProgressUpdateResolver {
  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() update: ProgressUpdateRow): string {
    return toGlobalId("ProgressUpdate", update.id);
  }

  @FieldResolver(() => Action, { description: "The action it reports on." })
  async action(@Root() update: ProgressUpdateRow, @Ctx() ctx: AppContext): Promise<ActionRow | null> {
    return ctx.loaders.action.byId.load(update.actionId);
  }

  @FieldResolver(() => SourceDocument, { nullable: true, description: "The document it was read from, if any." })
  async sourceDocument(@Root() update: ProgressUpdateRow, @Ctx() ctx: AppContext): Promise<SourceDocumentRow | null> {
    return update.sourceDocumentId === null ? null : ctx.loaders.sourceDocument.byId.load(update.sourceDocumentId);
  }
}

import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import { PeerChallenge } from "../peer-challenge/peer-challenge.type.js";
import type { PeerChallengeRow } from "../peer-challenge/peer-challenge.table.js";
import { Recommendation } from "../recommendation/recommendation.type.js";
import type { RecommendationRow } from "../recommendation/recommendation.table.js";
import type { SourceDocumentRow } from "./source-document.table.js";
import { SourceDocument, SourceLocation } from "./source-document.type.js";

@Resolver(() => SourceDocument)
export class SourceDocumentResolver {
  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() doc: SourceDocumentRow): string {
    return toGlobalId("SourceDocument", doc.id);
  }

  @FieldResolver(() => String, { description: "When it was imported (ISO 8601 timestamp, UTC)." })
  importedAt(@Root() doc: SourceDocumentRow): string {
    return new Date(doc.importedAt).toISOString();
  }

  @FieldResolver(() => Council, { description: "The council whose document it is." })
  async council(@Root() doc: SourceDocumentRow, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return ctx.loaders.council.byId.load(doc.councilId);
  }

  @FieldResolver(() => PeerChallenge, { description: "The peer challenge it belongs to." })
  async peerChallenge(@Root() doc: SourceDocumentRow, @Ctx() ctx: AppContext): Promise<PeerChallengeRow | null> {
    return ctx.loaders.peerChallenge.byId.load(doc.peerChallengeId);
  }

  @FieldResolver(() => [Recommendation], { description: "The recommendations first read from it." })
  async recommendations(@Root() doc: SourceDocumentRow, @Ctx() ctx: AppContext): Promise<RecommendationRow[]> {
    return ctx.loaders.recommendation.bySourceDocumentId.load(doc.id);
  }
}

@Resolver(() => SourceLocation)
export class SourceLocationResolver {
  @FieldResolver(() => SourceDocument, { description: "The document." })
  async document(@Root() location: SourceLocation, @Ctx() ctx: AppContext): Promise<SourceDocumentRow | null> {
    return ctx.loaders.sourceDocument.byId.load(location.documentId);
  }

  @FieldResolver(() => String, { nullable: true, description: "The text of that line, as the document holds it." })
  async text(@Root() location: SourceLocation, @Ctx() ctx: AppContext): Promise<string | null> {
    const lines = await ctx.loaders.sourceDocument.linesById.load(location.documentId);
    return lines?.[location.line - 1] ?? null;
  }
}

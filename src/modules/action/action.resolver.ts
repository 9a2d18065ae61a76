import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { toGlobalId } from "../../shared/graphql/global-id.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { SourceLocation } from "../import/source-document.type.js";
import { Recommendation } from "../recommendation/recommendation.type.js";
import type { RecommendationRow } from "../recommendation/recommendation.table.js";
import { ActionsArgs } from "./action.args.js";
import { daysOverdue, deadlinePassed, isOverdue, retiredBy, statusAsOf } from "./action.status-rules.js";
import type { ActionRow } from "./action.table.js";
import type { ActionRevisionRow } from "./action-revision.table.js";
import {
  Action,
  ActionConnection,
  ActionRevision,
  ActionStatus,
  ProgressUpdate,
  RagColour,
  Target,
} from "./action.type.js";
import type { ProgressUpdateRow } from "./progress-update.table.js";

/** An action as resolvers pass it on: the `actions` query's asOf rides along as the default for its fields. */
export type ActionNode = ActionRow & { queryAsOf?: string };

const asOfArg = {
  nullable: true,
  description: "The day to judge on (default: the asOf of the query that returned this action, else today).",
};

@Resolver(() => Action)
export class ActionResolver {
  @Query(() => ActionConnection, { description: "Actions, by council, challenge, recommendation and plan order." })
  async actions(@Ctx() ctx: AppContext, @Args(() => ActionsArgs) { filter, asOf, first, after }: ActionsArgs) {
    const day = asOf ?? ctx.today;
    const page = await ctx.services.action.list(ctx.identity, filter, day, first, after);
    return toConnection({ ...page, items: page.items.map((row): ActionNode => ({ ...row, queryAsOf: day })) });
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() action: ActionNode): string {
    return toGlobalId("Action", action.id);
  }

  @FieldResolver(() => Target, { description: "The target as printed and the deadline parsed from it." })
  target(@Root() action: ActionNode): Target {
    return {
      raw: action.targetRaw,
      deadline: action.deadline,
      precision: action.deadlinePrecision,
      milestones: action.milestones,
    };
  }

  @FieldResolver(() => ActionStatus, {
    description: "Normalised status as of the day: the latest progress update on or before it; UNKNOWN when none.",
  })
  async status(
    @Root() action: ActionNode,
    @Ctx() ctx: AppContext,
    @Arg("asOf", () => LocalDateScalar, asOfArg) asOf?: string | null,
  ): Promise<string> {
    return statusAsOf(await this.updateAsOf(action, ctx, asOf));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Status as printed in the update in force on the day; null when none.",
  })
  async statusText(
    @Root() action: ActionNode,
    @Ctx() ctx: AppContext,
    @Arg("asOf", () => LocalDateScalar, asOfArg) asOf?: string | null,
  ): Promise<string | null> {
    return (await this.updateAsOf(action, ctx, asOf))?.statusText ?? null;
  }

  @FieldResolver(() => RagColour, {
    nullable: true,
    description: "RAG colour of the update in force on the day, when printed.",
  })
  async rag(
    @Root() action: ActionNode,
    @Ctx() ctx: AppContext,
    @Arg("asOf", () => LocalDateScalar, asOfArg) asOf?: string | null,
  ): Promise<string | null> {
    return (await this.updateAsOf(action, ctx, asOf))?.rag ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Overdue on the day: a deadline before it and a status on it that is not COMPLETE. Never true without a deadline.",
  })
  async isOverdue(
    @Root() action: ActionNode,
    @Ctx() ctx: AppContext,
    @Arg("asOf", () => LocalDateScalar, asOfArg) asOf?: string | null,
  ): Promise<boolean> {
    const day = asOf ?? action.queryAsOf ?? ctx.today;
    // A deadline not yet passed settles it without loading the status.
    if (!deadlinePassed(action.deadline, day)) return false;
    if (retiredBy(action.retiredOn, day)) return false;
    return isOverdue(action.deadline, statusAsOf(await this.updateAsOf(action, ctx, day)), day);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Days from the deadline to the day (asOf − deadline) when overdue; null otherwise.",
  })
  async daysOverdue(
    @Root() action: ActionNode,
    @Ctx() ctx: AppContext,
    @Arg("asOf", () => LocalDateScalar, asOfArg) asOf?: string | null,
  ): Promise<number | null> {
    const day = asOf ?? action.queryAsOf ?? ctx.today;
    if (!deadlinePassed(action.deadline, day) || retiredBy(action.retiredOn, day)) return null;
    return daysOverdue(action.deadline, statusAsOf(await this.updateAsOf(action, ctx, day)), day);
  }

  @FieldResolver(() => [ProgressUpdate], { description: "Its whole status history, oldest first." })
  async progressUpdates(@Root() action: ActionNode, @Ctx() ctx: AppContext): Promise<ProgressUpdateRow[]> {
    return ctx.loaders.action.updatesByActionId.load(action.id);
  }

  @FieldResolver(() => [ActionRevision], {
    description:
      "Every change an editor made to its text, lead, target or retirement, oldest first, with the values before and after.",
  })
  async revisions(@Root() action: ActionNode, @Ctx() ctx: AppContext): Promise<ActionRevisionRow[]> {
    return ctx.loaders.action.revisionsByActionId.load(action.id);
  }

  @FieldResolver(() => Recommendation, { description: "The recommendation it answers." })
  async recommendation(@Root() action: ActionNode, @Ctx() ctx: AppContext): Promise<RecommendationRow | null> {
    return ctx.loaders.recommendation.byId.load(action.recommendationId);
  }

  @FieldResolver(() => SourceLocation, {
    nullable: true,
    description: "The document and line it was read from; null for an action an editor added (addAction).",
  })
  source(@Root() action: ActionNode): SourceLocation | null {
    if (action.sourceDocumentId === null || action.sourceLine === null) return null;
    return { documentId: action.sourceDocumentId, line: action.sourceLine };
  }

  private updateAsOf(
    action: ActionNode,
    ctx: AppContext,
    asOf: string | null | undefined,
  ): Promise<ProgressUpdateRow | null> {
    return ctx.loaders.action.latestUpdateAsOf(asOf ?? action.queryAsOf ?? ctx.today).load(action.id);
  }
}

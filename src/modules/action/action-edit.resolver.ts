import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../../context.js";
import { AppError } from "../../shared/errors/app-error.js";
import { fromGlobalId, type NodeType } from "../../shared/graphql/global-id.js";
import { recommendationErrorCodes } from "../recommendation/recommendation.errors.js";
import { AddActionInput, RecordProgressInput, RetireActionInput, UpdateActionInput } from "./action-edit.input.js";
import { actionErrorCodes } from "./action.errors.js";
import type { ActionRow } from "./action.table.js";
import { Action, ProgressUpdate } from "./action.type.js";
import type { ProgressUpdateRow } from "./progress-update.table.js";

const editors =
  "Editors of the action's council and admins; anyone else gets action.not_found, an anonymous caller auth.required. A stale expectedVersion gets write.conflict and changes nothing.";

/** An ID of the wrong type names no such object: answered like a missing one. */
function idOf(globalId: string, type: NodeType, argument: string): number {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.type !== type)
    throw new AppError(
      type === "Action" ? actionErrorCodes.notFound : recommendationErrorCodes.notFound,
      `No ${type.toLowerCase()} has this id`,
      {
        argument,
      },
    );
  return decoded.id;
}

@Resolver()
export class ActionEditResolver {
  @Mutation(() => ProgressUpdate, {
    description: `Appends a progress update to an action (who, when, note); it counts in status(asOf:), overdue filters, benchmarks and series from its recordedOn. On a day that already has an update, the later recorded wins. Raises the action's version. ${editors}`,
  })
  async recordProgress(
    @Ctx() ctx: AppContext,
    @Arg("input", () => RecordProgressInput, { description: "The update." }) input: RecordProgressInput,
  ): Promise<ProgressUpdateRow> {
    const { update } = await ctx.services.actionEdit.recordProgress(
      ctx.identity,
      { ...input, actionId: idOf(input.action, "Action", "input.action") },
      ctx.today,
    );
    return update;
  }

  @Mutation(() => Action, {
    description: `Corrects an action's text, lead or target, keeping the old values in Action.revisions; the correction applies to every asOf. ${editors}`,
  })
  async updateAction(
    @Ctx() ctx: AppContext,
    @Arg("input", () => UpdateActionInput, { description: "The correction." }) input: UpdateActionInput,
  ): Promise<ActionRow> {
    return ctx.services.actionEdit.update(ctx.identity, {
      actionId: idOf(input.action, "Action", "input.action"),
      expectedVersion: input.expectedVersion,
      ...(input.text !== undefined && input.text !== null ? { text: input.text } : {}),
      ...(input.lead !== undefined ? { lead: input.lead } : {}),
      ...(input.target !== undefined ? { target: input.target } : {}),
    });
  }

  @Mutation(() => Action, {
    description:
      "Adds an action at the end of a recommendation's actions, with its first status if given. Editors of the recommendation's council and admins; anyone else gets recommendation.not_found, an anonymous caller auth.required.",
  })
  async addAction(
    @Ctx() ctx: AppContext,
    @Arg("input", () => AddActionInput, { description: "The new action." }) input: AddActionInput,
  ): Promise<ActionRow> {
    return ctx.services.actionEdit.add(
      ctx.identity,
      { ...input, recommendationId: idOf(input.recommendation, "Recommendation", "input.recommendation") },
      ctx.today,
    );
  }

  @Mutation(() => Action, {
    description: `Retires an action from a day on: from retiredOn it no longer counts in benchmarks, series or overdue filters; before it, it counts as it did. Kept in Action.revisions. ${editors}`,
  })
  async retireAction(
    @Ctx() ctx: AppContext,
    @Arg("input", () => RetireActionInput, { description: "The retirement." }) input: RetireActionInput,
  ): Promise<ActionRow> {
    return ctx.services.actionEdit.retire(
      ctx.identity,
      { ...input, actionId: idOf(input.action, "Action", "input.action") },
      ctx.today,
    );
  }
}

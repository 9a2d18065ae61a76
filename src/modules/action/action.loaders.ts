import DataLoader from "dataloader";
import { AppError, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { manyByKey, oneByKey } from "../../shared/graphql/loader-helpers.js";
import type { ActionRepository } from "./action.repository.js";
import type { ActionRevisionRow } from "./action-revision.table.js";
import type { ActionRow } from "./action.table.js";
import type { ProgressUpdateRow } from "./progress-update.table.js";

export const maxDatesPerRequest = 31;

export function createActionLoaders(actions: ActionRepository) {
  // One loader per asOf date asked in the request: each batches every action into one statement.
  const latestAsOf = new Map<string, DataLoader<number, ProgressUpdateRow | null>>();
  return {
    byId: new DataLoader<number, ActionRow | null>(async (ids) =>
      oneByKey(ids, await actions.findByIds(ids), (r) => r.id),
    ),
    byRecommendationId: new DataLoader<number, ActionRow[]>(async (ids) =>
      manyByKey(ids, await actions.findByRecommendationIds(ids), (r) => r.recommendationId),
    ),
    updatesByActionId: new DataLoader<number, ProgressUpdateRow[]>(async (ids) =>
      manyByKey(ids, await actions.findUpdatesByActionIds(ids), (r) => r.actionId),
    ),
    revisionsByActionId: new DataLoader<number, ActionRevisionRow[]>(async (ids) =>
      manyByKey(ids, await actions.findRevisionsByActionIds(ids), (r) => r.actionId),
    ),
    updateById: new DataLoader<number, ProgressUpdateRow | null>(async (ids) =>
      oneByKey(ids, await actions.findUpdatesByIds(ids), (r) => r.id),
    ),
    latestUpdateAsOf(asOf: string): DataLoader<number, ProgressUpdateRow | null> {
      let loader = latestAsOf.get(asOf);
      if (!loader) {
        // Each distinct day costs a statement; aliases could otherwise ask for thousands.
        if (latestAsOf.size >= maxDatesPerRequest) {
          throw new AppError(
            sharedErrorCodes.tooManyDates,
            `A request may judge statuses on at most ${maxDatesPerRequest} different days`,
            { argument: "asOf" },
          );
        }
        loader = new DataLoader(async (ids) =>
          oneByKey(ids, await actions.findLatestUpdatesAsOf(ids, asOf), (r) => r.actionId),
        );
        latestAsOf.set(asOf, loader);
      }
      return loader;
    },
  };
}

export type ActionLoaders = ReturnType<typeof createActionLoaders>;

import { badInput } from "../../shared/errors/app-error.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { checkSearch } from "../../shared/graphql/search-argument.js";
import type { Identity } from "../identity/identity.js";
import type { ScopeService } from "../recommendation/recommendation-scope.service.js";
import type { ActionQuery, ActionRepository } from "./action.repository.js";
import type { ActionRow } from "./action.table.js";
import type { ActionFilter } from "./action.input.js";

export class ActionService {
  constructor(
    private readonly actions: ActionRepository,
    private readonly scopes: ScopeService,
  ) {}

  /** Validates and resolves a client's filter; shared with the benchmarks so both read it alike. */
  async toQuery(
    identity: Identity,
    filter: ActionFilter | null | undefined,
    argument = "filter",
  ): Promise<ActionQuery> {
    const scope = await this.scopes.resolve(identity, filter, argument);
    if (filter?.deadlineFrom && filter.deadlineTo && filter.deadlineFrom > filter.deadlineTo) {
      throw badInput(
        `${argument}.deadlineFrom`,
        `${argument}.deadlineFrom (${filter.deadlineFrom}) is after deadlineTo (${filter.deadlineTo})`,
      );
    }
    const search = checkSearch(filter?.search, `${argument}.search`);
    return {
      ...scope,
      ...(filter?.statuses?.length ? { statuses: filter.statuses } : {}),
      ...(filter?.overdue != null ? { overdue: filter.overdue } : {}),
      ...(filter?.hasDeadline != null ? { hasDeadline: filter.hasDeadline } : {}),
      ...(filter?.deadlineFrom ? { deadlineFrom: filter.deadlineFrom } : {}),
      ...(filter?.deadlineTo ? { deadlineTo: filter.deadlineTo } : {}),
      ...(search ? { search } : {}),
    };
  }

  async list(
    identity: Identity,
    filter: ActionFilter | null | undefined,
    asOf: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<ActionRow>> {
    const request = toPageRequest(first, after);
    const query = await this.toQuery(identity, filter);
    const { rows, totalCount } = await this.actions.findPage(query, asOf, request);
    return { items: rows, totalCount, request };
  }
}

import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import type { RecommendationFilter } from "./recommendation.input.js";
import type { RecommendationRepository } from "./recommendation.repository.js";
import type { RecommendationRow } from "./recommendation.table.js";
import { checkSearch } from "../../shared/graphql/search-argument.js";
import type { Identity } from "../identity/identity.js";
import type { ScopeService } from "./recommendation-scope.service.js";

export class RecommendationService {
  constructor(
    private readonly recommendations: RecommendationRepository,
    private readonly scopes: ScopeService,
  ) {}

  async list(
    identity: Identity,
    filter: RecommendationFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<RecommendationRow>> {
    const request = toPageRequest(first, after);
    const scope = await this.scopes.resolve(identity, filter);
    const search = checkSearch(filter?.search, "filter.search");
    const { rows, totalCount } = await this.recommendations.findPage(
      { ...scope, ...(filter?.kinds?.length ? { kinds: filter.kinds } : {}), ...(search ? { search } : {}) },
      request,
    );
    return { items: rows, totalCount, request };
  }
}

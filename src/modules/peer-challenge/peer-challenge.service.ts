import { badInput } from "../../shared/errors/app-error.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import type { Identity } from "../identity/identity.js";
import type { ScopeService } from "../recommendation/recommendation-scope.service.js";
import type { PeerChallengeFilter } from "./peer-challenge.input.js";
import type { PeerChallengeRepository } from "./peer-challenge.repository.js";
import type { PeerChallengeRow } from "./peer-challenge.table.js";

export class PeerChallengeService {
  constructor(
    private readonly challenges: PeerChallengeRepository,
    private readonly scopes: ScopeService,
  ) {}

  async list(
    identity: Identity,
    filter: PeerChallengeFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<PeerChallengeRow>> {
    const request = toPageRequest(first, after);
    if (filter?.heldFrom && filter.heldTo && filter.heldFrom > filter.heldTo) {
      throw badInput("filter.heldFrom", `filter.heldFrom (${filter.heldFrom}) is after heldTo (${filter.heldTo})`);
    }
    const { councilIds, peerGroupId } = await this.scopes.resolve(identity, filter);
    const { rows, totalCount } = await this.challenges.findPage(
      {
        ...(councilIds ? { councilIds } : {}),
        ...(peerGroupId !== undefined ? { peerGroupId } : {}),
        ...(filter?.heldFrom ? { heldFrom: filter.heldFrom } : {}),
        ...(filter?.heldTo ? { heldTo: filter.heldTo } : {}),
      },
      request,
    );
    return { items: rows, totalCount, request };
  }
}

import { checkList, checkText } from "../../shared/errors/input-guards.js";
import type { CouncilService } from "../council/council.service.js";
import type { PeerGroupService } from "../peer-group/peer-group.service.js";
import type { Identity } from "../identity/identity.js";
import type { ThemeService } from "../theme/theme.service.js";
import type { RecommendationScope } from "./recommendation.repository.js";

/** The scope arguments every list and benchmark shares, as clients spell them. */
export interface ScopeFilter {
  councils?: string[] | null;
  peerGroup?: string | null;
  themes?: string[] | null;
}

/**
 * Turns client keys (GSS codes, peer group slugs, theme codes) into database ids, failing with the
 * argument path of the first unknown key: an unknown code must never silently widen or empty a result.
 */
export class ScopeService {
  constructor(
    private readonly councils: CouncilService,
    private readonly peerGroups: PeerGroupService,
    private readonly themes: ThemeService,
  ) {}

  /** `identity` decides which peer groups the filter may name: another key's private group is not found. */
  async resolve(
    identity: Identity,
    filter: ScopeFilter | null | undefined,
    argument = "filter",
  ): Promise<RecommendationScope> {
    const scope: RecommendationScope = {};
    if (!filter) return scope;
    if (filter.councils) checkList(filter.councils, `${argument}.councils`);
    if (filter.themes) checkList(filter.themes, `${argument}.themes`);
    if (filter.peerGroup != null) checkText(filter.peerGroup, `${argument}.peerGroup`);
    if (filter.councils?.length) {
      scope.councilIds = (await this.councils.requireByGss(filter.councils, `${argument}.councils[]`)).map((c) => c.id);
    }
    if (filter.peerGroup != null) {
      scope.peerGroupId = (await this.peerGroups.requireBySlug(identity, filter.peerGroup, `${argument}.peerGroup`)).id;
    }
    if (filter.themes?.length) {
      scope.themeIds = await this.themes.resolveCodes(filter.themes, `${argument}.themes[]`);
    }
    return scope;
  }
}

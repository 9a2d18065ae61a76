import { AppError } from "../../shared/errors/app-error.js";
import { checkList, checkText } from "../../shared/errors/input-guards.js";
import type { Identity } from "../identity/identity.js";
import type { PeerGroupService } from "../peer-group/peer-group.service.js";
import { checkSearch } from "../../shared/graphql/search-argument.js";
import type { CouncilFilter } from "./council.input.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { badGssCode, councilErrorCodes, councilNotFound } from "./council.errors.js";
import type { CouncilQuery, CouncilRepository } from "./council.repository.js";
import type { CouncilRow } from "./council.table.js";
import { gssCodePattern } from "./council.gss-code.js";

export class CouncilService {
  constructor(
    private readonly councils: CouncilRepository,
    private readonly peerGroups: PeerGroupService,
  ) {}

  async list(
    identity: Identity,
    filter: CouncilFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CouncilRow>> {
    const request = toPageRequest(first, after);
    const query: CouncilQuery = {};
    if (filter?.types?.length) query.typeCodes = [...checkList(filter.types, "filter.types")];
    if (filter?.regions?.length) query.regions = [...checkList(filter.regions, "filter.regions")];
    if (filter?.counties?.length) {
      checkList(filter.counties, "filter.counties");
      query.countyCodes = (await this.requireByGss(filter.counties, "filter.counties[]")).map((c) => c.registerCode);
    }
    if (filter?.peerGroup != null)
      query.peerGroupId = (await this.peerGroups.requireBySlug(identity, filter.peerGroup, "filter.peerGroup")).id;
    const search = checkSearch(filter?.search, "filter.search");
    if (search) query.search = search;
    if (filter?.hasPeerChallenge != null) query.hasPeerChallenge = filter.hasPeerChallenge;
    const { rows, totalCount } = await this.councils.findPage(query, request);
    return { items: rows, totalCount, request };
  }

  async find(key: { gssCode?: string | null; slug?: string | null }): Promise<CouncilRow> {
    const { gssCode, slug } = key;
    if ((gssCode == null) === (slug == null)) {
      throw new AppError(councilErrorCodes.ambiguousLookup, "Give exactly one of gssCode or slug", {
        argument: gssCode == null ? "gssCode" : "slug",
      });
    }
    if (gssCode != null) {
      const [council] = await this.requireByGss([gssCode], "gssCode");
      if (council) return council;
    }
    const found = slug == null ? undefined : await this.councils.findBySlug(checkText(slug, "slug"));
    if (!found) throw councilNotFound(`the slug "${slug}"`, "slug");
    return found;
  }

  /** The councils with these ids, for naming them (a key's scope, say). */
  listByIds(ids: readonly number[]): Promise<CouncilRow[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.councils.findByIds(ids);
  }

  /**
   * Resolves GSS codes to councils, in the order given, failing on the first malformed or unknown
   * code with its argument path (`filter.councils[2]`), so that a typo never silently narrows a result.
   */
  async requireByGss(codes: readonly string[], argument: string): Promise<CouncilRow[]> {
    // "filter.councils[]" names a list argument: errors point at the offending element.
    const at = (i: number) => argument.replace(/\[\]$/, `[${i}]`);
    codes.forEach((code, i) => {
      if (!gssCodePattern.test(code)) throw badGssCode(code, at(i));
    });
    const rows = await this.councils.findByGssCodes(codes);
    const byCode = new Map(rows.map((r) => [r.gssCode, r]));
    return codes.map((code, i) => {
      const row = byCode.get(code);
      if (!row) {
        throw councilNotFound(`the GSS code ${code}`, at(i));
      }
      return row;
    });
  }
}

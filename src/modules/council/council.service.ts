import { AppError } from "../../shared/errors/app-error.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { badGssCode, councilErrorCodes, councilNotFound } from "./council.errors.js";
import type { CouncilQuery, CouncilRepository } from "./council.repository.js";
import type { CouncilRow } from "./council.table.js";

export const gssCodePattern = /^E\d{8}$/;

export interface CouncilListFilter extends Omit<CouncilQuery, "countyCodes" | "peerGroupId"> {
  /** GSS codes of county councils. */
  countyGssCodes?: string[];
  peerGroupId?: number;
}

export class CouncilService {
  constructor(private readonly councils: CouncilRepository) {}

  async list(filter: CouncilListFilter, first?: number | null, after?: string | null): Promise<Page<CouncilRow>> {
    const request = toPageRequest(first, after);
    const countyCodes = filter.countyGssCodes?.length
      ? (await this.requireByGss(filter.countyGssCodes, "filter.counties[]")).map((c) => c.registerCode)
      : undefined;
    const { rows, totalCount } = await this.councils.findPage(
      { ...filter, ...(countyCodes ? { countyCodes } : {}) },
      request,
    );
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
    const found = slug == null ? undefined : await this.councils.findBySlug(slug);
    if (!found) throw councilNotFound(`the slug "${slug}"`, "slug");
    return found;
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

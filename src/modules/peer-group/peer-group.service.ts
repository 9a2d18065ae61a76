import { checkText } from "../../shared/errors/input-guards.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { peerGroupNotFound } from "./peer-group.errors.js";
import type { PeerGroupRepository } from "./peer-group.repository.js";
import type { PeerGroupRow } from "./peer-group.table.js";

export class PeerGroupService {
  constructor(private readonly groups: PeerGroupRepository) {}

  async list(
    kinds: PeerGroupRow["kind"][] | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<PeerGroupRow>> {
    const request = toPageRequest(first, after);
    const { rows, totalCount } = await this.groups.findPage(kinds, request);
    return { items: rows, totalCount, request };
  }

  async requireBySlug(slug: string, argument: string): Promise<PeerGroupRow> {
    const group = await this.groups.findBySlug(checkText(slug, argument));
    if (!group) throw peerGroupNotFound(slug, argument);
    return group;
  }
}

import { checkText } from "../../shared/errors/input-guards.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { canSeePeerGroup, privatePeerGroupsVisibleTo } from "../identity/authorization.policy.js";
import type { Identity } from "../identity/identity.js";
import { peerGroupNotFound } from "./peer-group.errors.js";
import type { PeerGroupRepository } from "./peer-group.repository.js";
import type { PeerGroupRow } from "./peer-group.table.js";

/** The policy's view of a group row. */
export function peerGroupAccess(group: PeerGroupRow) {
  return { builtIn: group.kind !== "USER", ownerKeyId: group.ownerKeyId, shared: group.shared };
}

/**
 * Reads peer groups as an identity may see them: a private user group is its owner's and admins'
 * only, and to anyone else answers exactly as a slug or ID that names nothing.
 */
export class PeerGroupService {
  constructor(private readonly groups: PeerGroupRepository) {}

  async list(
    identity: Identity,
    kinds: PeerGroupRow["kind"][] | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<PeerGroupRow>> {
    const request = toPageRequest(first, after);
    const { rows, totalCount } = await this.groups.findPage(kinds, privatePeerGroupsVisibleTo(identity), request);
    return { items: rows, totalCount, request };
  }

  /** The group with this slug, for every argument that takes one (filters, benchmarks, comparisons, CSV). */
  async requireBySlug(identity: Identity, slug: string, argument: string): Promise<PeerGroupRow> {
    return this.requireVisible(identity, await this.groups.findBySlug(checkText(slug, argument)), slug, argument);
  }

  /** A group already looked up by slug (a request's loader), checked as {@link requireBySlug} checks it. */
  requireVisible(
    identity: Identity,
    group: PeerGroupRow | null | undefined,
    slug: string,
    argument: string,
  ): PeerGroupRow {
    if (!group || !canSeePeerGroup(identity, peerGroupAccess(group))) throw peerGroupNotFound(slug, argument);
    return group;
  }

  /** The group for node(id:), or null when it is missing or not the identity's to see. */
  async findAs(identity: Identity, id: number): Promise<PeerGroupRow | null> {
    const [group] = await this.groups.findByIds([id]);
    return group && canSeePeerGroup(identity, peerGroupAccess(group)) ? group : null;
  }

  /** Drops the groups the identity may not see from a list loaded without it (a council's groups). */
  visibleOf(identity: Identity, groups: readonly PeerGroupRow[]): PeerGroupRow[] {
    return groups.filter((g) => canSeePeerGroup(identity, peerGroupAccess(g)));
  }
}

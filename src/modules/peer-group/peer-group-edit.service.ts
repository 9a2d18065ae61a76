import { AppError, badInput, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { checkList, checkText } from "../../shared/errors/input-guards.js";
import { fromGlobalId } from "../../shared/graphql/global-id.js";
import { slugify } from "../council/council.register.js";
import type { CouncilService } from "../council/council.service.js";
import { canChangePeerGroup, canCreatePeerGroups, canSeePeerGroup } from "../identity/authorization.policy.js";
import { authRequired } from "../identity/identity.errors.js";
import type { Identity } from "../identity/identity.js";
import { peerGroupBuiltIn, peerGroupIdNotFound, peerGroupSlugTaken } from "./peer-group.errors.js";
import type { PeerGroupRepository, UserGroupChange, UserGroupWrite } from "./peer-group.repository.js";
import { peerGroupAccess } from "./peer-group.service.js";
import type { PeerGroupRow } from "./peer-group.table.js";

export interface CreatePeerGroupRequest {
  name: string;
  slug?: string | null;
  description?: string | null;
  /** GSS codes of the members. */
  councils: readonly string[];
  shared?: boolean | null;
}

/** A change to a group the caller read at `expectedVersion`, named by its global ID. */
export interface PeerGroupEdit {
  id: string;
  expectedVersion: number;
}

const maxNameLength = 200;
const maxDescriptionLength = 1000;
const maxSlugLength = 80;
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// The seed derives built-in slugs from these prefixes; a user group holding one would block a new
// council type, region or county from being seeded.
const reservedSlugPrefixes = ["type-", "region-", "county-"] as const;

/**
 * Creates, renames, re-members, shares and deletes user-defined peer groups. Apart from
 * PeerGroupService because it resolves members through CouncilService, which itself reads groups.
 */
export class PeerGroupEditService {
  constructor(
    private readonly groups: PeerGroupRepository,
    private readonly councils: CouncilService,
  ) {}

  async create(identity: Identity, request: CreatePeerGroupRequest): Promise<PeerGroupRow> {
    if (identity.kind !== "key" || !canCreatePeerGroups(identity)) throw authRequired("createPeerGroup");
    const name = checkName(request.name);
    const slug = request.slug == null ? derivedSlug(name) : checkSlug(request.slug);
    const councilIds = await this.memberIds(request.councils);
    const written = await this.groups.insertUserGroup(
      {
        slug,
        name,
        description: checkDescription(request.description) ?? `A group defined by ${identity.name}.`,
        shared: request.shared ?? false,
        ownerKeyId: identity.keyId,
        ownerName: identity.name,
      },
      councilIds,
      identity,
    );
    return this.outcome(written, { id: "", slug });
  }

  async rename(
    identity: Identity,
    edit: PeerGroupEdit & { name: string; slug?: string | null },
  ): Promise<PeerGroupRow> {
    const group = await this.requireChangeable(identity, edit.id, "renamePeerGroup");
    const change: UserGroupChange = { name: checkName(edit.name) };
    if (edit.slug != null) change.slug = checkSlug(edit.slug);
    return this.write(identity, group, edit, change, "peer_group.rename");
  }

  async setMembers(identity: Identity, edit: PeerGroupEdit & { councils: readonly string[] }): Promise<PeerGroupRow> {
    const group = await this.requireChangeable(identity, edit.id, "setPeerGroupMembers");
    const councilIds = await this.memberIds(edit.councils);
    return this.write(identity, group, edit, { councilIds }, "peer_group.set_members");
  }

  async share(identity: Identity, edit: PeerGroupEdit & { shared: boolean }): Promise<PeerGroupRow> {
    const group = await this.requireChangeable(identity, edit.id, "sharePeerGroup");
    return this.write(identity, group, edit, { shared: edit.shared }, "peer_group.share");
  }

  /** Deletes the group outright: groups are definitions, not history; the audit event keeps what it was. */
  async delete(identity: Identity, edit: PeerGroupEdit): Promise<PeerGroupRow> {
    const group = await this.requireChangeable(identity, edit.id, "deletePeerGroup");
    return this.outcome(await this.groups.deleteUserGroup(group.id, edit.expectedVersion, identity), {
      id: edit.id,
      slug: group.slug,
    });
  }

  private async write(
    identity: Identity,
    group: PeerGroupRow,
    edit: PeerGroupEdit,
    change: UserGroupChange,
    operation: string,
  ): Promise<PeerGroupRow> {
    const written = await this.groups.updateUserGroup(group.id, edit.expectedVersion, change, operation, identity);
    return this.outcome(written, { id: edit.id, slug: change.slug ?? group.slug });
  }

  /**
   * The group behind a global ID, if this identity may change it. Missing, private to someone else,
   * or shared but someone else's: all answer peer_group.not_found. Built-in groups, which everyone
   * sees, get their own refusal.
   */
  private async requireChangeable(identity: Identity, globalId: string, operation: string): Promise<PeerGroupRow> {
    if (identity.kind !== "key") throw authRequired(operation);
    const { type, id } = fromGlobalId(globalId, "id");
    const [group] = type === "PeerGroup" ? await this.groups.findByIds([id]) : [];
    if (group === undefined || !canSeePeerGroup(identity, peerGroupAccess(group)))
      throw peerGroupIdNotFound(globalId, "id");
    if (group.kind !== "USER") throw peerGroupBuiltIn(group.slug);
    if (!canChangePeerGroup(identity, peerGroupAccess(group))) throw peerGroupIdNotFound(globalId, "id");
    return group;
  }

  private async memberIds(councils: readonly string[]): Promise<number[]> {
    checkList(councils, "councils");
    if (councils.length === 0) throw badInput("councils", "A peer group needs at least one council (GSS codes)");
    const rows = await this.councils.requireByGss(councils, "councils[]");
    return [...new Set(rows.map((c) => c.id))];
  }

  private outcome(written: UserGroupWrite, asked: { id: string; slug: string }): PeerGroupRow {
    switch (written.outcome) {
      case "written":
        return written.group;
      case "missing":
        throw peerGroupIdNotFound(asked.id, "id");
      case "slug_taken":
        throw peerGroupSlugTaken(asked.slug, "slug");
      case "conflict":
        throw new AppError(
          sharedErrorCodes.writeConflict,
          `The peer group changed since it was read: it is at version ${written.version}; read it again and retry`,
          { argument: "expectedVersion", version: written.version },
        );
    }
  }
}

function checkName(value: string): string {
  const name = checkText(value, "name").trim();
  if (name === "" || name.length > maxNameLength)
    throw badInput("name", `A peer group needs a name of 1 to ${maxNameLength} characters`);
  return name;
}

function checkDescription(value: string | null | undefined): string | null {
  if (value == null) return null;
  const description = checkText(value, "description").trim();
  if (description.length > maxDescriptionLength)
    throw badInput("description", `A description holds at most ${maxDescriptionLength} characters`);
  return description === "" ? null : description;
}

function checkSlug(value: string): string {
  const slug = checkText(value, "slug");
  if (!slugPattern.test(slug) || slug.length > maxSlugLength)
    throw badInput(
      "slug",
      `"${slug}" is not a slug: lower-case letters and digits in words joined by single hyphens, at most ${maxSlugLength} characters`,
    );
  const reserved = reservedSlugPrefixes.find((prefix) => slug.startsWith(prefix));
  if (reserved !== undefined)
    throw badInput("slug", `Slugs starting "${reserved}" are kept for built-in peer groups: choose another`);
  return slug;
}

function derivedSlug(name: string): string {
  const slug = slugify(name).slice(0, maxSlugLength).replace(/-$/, "");
  if (slug === "") throw badInput("slug", `No slug can be made from the name "${name}": give one`);
  return checkSlug(slug);
}

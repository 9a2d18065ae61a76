import { badInput } from "../../shared/errors/app-error.js";
import { checkText } from "../../shared/errors/input-guards.js";
import { fromGlobalId } from "../../shared/graphql/global-id.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import type { CouncilService } from "../council/council.service.js";
import { auditCouncilsVisibleTo } from "../identity/authorization.policy.js";
import type { Identity } from "../identity/identity.js";
import type { AuditEventRow } from "./audit-event.table.js";
import type { AuditEventFilter } from "./audit.input.js";
import type { AuditQuery, AuditRepository } from "./audit.repository.js";

/**
 * Reads the audit trail as an identity may: admins all of it, editors their councils' events,
 * anyone else nothing. A list answers "nothing of yours" with an empty page, not an error.
 */
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly councils: CouncilService,
  ) {}

  async list(
    identity: Identity,
    filter: AuditEventFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<AuditEventRow>> {
    const request = toPageRequest(first, after);
    const query: AuditQuery = { visibleCouncils: auditCouncilsVisibleTo(identity) };
    if (filter?.council != null)
      query.councilId = (await this.councils.requireByGss([filter.council], "filter.council"))[0]!.id;
    if (filter?.objectType != null) query.objectType = checkText(filter.objectType, "filter.objectType");
    if (filter?.operation != null) query.operation = checkText(filter.operation, "filter.operation");
    if (filter?.object != null) {
      const { type, id } = fromGlobalId(filter.object, "filter.object");
      if (query.objectType !== undefined && query.objectType !== type)
        throw badInput(
          "filter.object",
          `filter.object is a ${type}, but filter.objectType asks for ${query.objectType}`,
        );
      query.objectType = type;
      query.objectId = id;
    }
    if (filter?.from != null) query.from = filter.from;
    if (filter?.to != null) query.to = filter.to;
    if (query.from !== undefined && query.to !== undefined && query.from > query.to)
      throw badInput("filter.from", `filter.from (${query.from}) is after filter.to (${query.to})`);
    const { rows, totalCount } = await this.events.findPage(query, request);
    return { items: rows, totalCount, request };
  }

  /** One event for node(id:), or null when it is missing or not the identity's to see. */
  findAs(identity: Identity, id: number): Promise<AuditEventRow | null> {
    return this.events.findById(id, auditCouncilsVisibleTo(identity));
  }
}

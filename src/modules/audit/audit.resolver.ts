import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { nodeTypes, toGlobalId, type NodeType } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import type { AuditEventRow } from "./audit-event.table.js";
import { AuditEventFilter } from "./audit.input.js";
import { AuditEvent, AuditEventConnection } from "./audit.type.js";

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: "Which events; default all the request may see." })
  filter?: AuditEventFilter | null;
}

const isNodeType = (type: string): type is NodeType => (nodeTypes as readonly string[]).includes(type);

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, {
    description:
      "The audit trail, newest first: every event for admins, the events of their councils for editors, and an empty list for everyone else (nothing of theirs, not an error).",
  })
  async auditEvents(@Ctx() ctx: AppContext, @Args(() => AuditEventsArgs) { filter, first, after }: AuditEventsArgs) {
    return toConnection(await ctx.services.audit.list(ctx.identity, filter, first, after));
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() event: AuditEventRow): string {
    return toGlobalId("AuditEvent", event.id);
  }

  @FieldResolver(() => String, { description: "When the change's transaction ran (ISO 8601, UTC)." })
  occurredAt(@Root() event: AuditEventRow): string {
    return event.occurredAt.toISOString();
  }

  @FieldResolver(() => ID, { nullable: true, description: "The global ID of the API key that made the change." })
  keyId(@Root() event: AuditEventRow): string | null {
    return event.keyId === null ? null : toGlobalId("ApiKey", event.keyId);
  }

  @FieldResolver(() => ID, { nullable: true, description: "The object's global ID, or its database id." })
  objectId(@Root() event: AuditEventRow): string | null {
    if (event.objectId === null) return null;
    return isNodeType(event.objectType) ? toGlobalId(event.objectType, event.objectId) : String(event.objectId);
  }

  @FieldResolver(() => Council, { nullable: true, description: "The council the object belongs to." })
  async council(@Root() event: AuditEventRow, @Ctx() ctx: AppContext): Promise<CouncilRow | null> {
    return event.councilId === null ? null : ctx.loaders.council.byId.load(event.councilId);
  }
}

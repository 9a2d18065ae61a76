import { Field, ID, ObjectType } from "type-graphql";
import { JsonScalar } from "../../shared/graphql/json.scalar.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";

@ObjectType("AuditEvent", { implements: Node, description: "One change, recorded in the transaction that made it." })
export class AuditEvent extends Node {
  @Field(() => String, { description: "When the change's transaction ran (ISO 8601, UTC)." })
  occurredAt!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The global ID of the API key that made the change (ApiKey.id); null for ADMIN_TOKEN and the CLI.",
  })
  keyId!: string | null;

  @Field(() => String, { description: "The key's name as it was then, or ADMIN_TOKEN, or CLI operator." })
  keyName!: string;

  @Field(() => String, { description: "The role the change was made with: ADMIN, EDITOR or ANALYST." })
  role!: string;

  @Field(() => String, { description: "What was done: peer_group.create, api_key.revoke, action.update, …" })
  operation!: string;

  @Field(() => String, { description: "The kind of object changed: PeerGroup, ApiKey, …" })
  objectType!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The object's global ID where its type has one (node(id:) finds it while it exists), else its database id.",
  })
  objectId!: string | null;

  @Field(() => Council, { nullable: true, description: "The council the object belongs to; null for global objects." })
  council!: Council | null;

  @Field(() => JsonScalar, { nullable: true, description: "The object before the change; null when it was made." })
  before!: unknown;

  @Field(() => JsonScalar, { nullable: true, description: "The object after the change; null when it was deleted." })
  after!: unknown;

  @Field(() => String, { nullable: true, description: "The HTTP request's id (as in the logs); null outside one." })
  requestId!: string | null;
}

@ObjectType("AuditEventConnection", { description: "A page of audit events, newest first." })
export class AuditEventConnection extends Connection(AuditEvent, "audit event") {}

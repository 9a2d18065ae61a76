import { Field, ID, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";

@InputType("AuditEventFilter", { description: "Which audit events to list; every field narrows, all together." })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: "Only events of this council (GSS code)." })
  council?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Only events on objects of this type (PeerGroup, ApiKey, Action, …).",
  })
  objectType?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events on this object, by its global ID." })
  object?: string | null;

  @Field(() => String, { nullable: true, description: "Only this operation (peer_group.create, api_key.revoke, …)." })
  operation?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only events on or after this day (UTC)." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only events on or before this day (UTC)." })
  to?: string | null;
}

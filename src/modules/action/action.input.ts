import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ActionStatus } from "./action.type.js";
import type { ActionStatusValue } from "./action.values.js";

@InputType("ActionFilter", {
  description:
    "Narrows a list of actions; conditions combine with AND. Status and overdue conditions are judged as of the query's asOf.",
})
export class ActionFilter {
  @Field(() => [String], { nullable: true, description: "Councils by GSS code (E07000073); any of them." })
  councils?: string[] | null;

  @Field(() => String, { nullable: true, description: "Members of this peer group, by slug (greater-essex)." })
  peerGroup?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Theme codes of the action's recommendation; a component code stands for all its sub-themes.",
  })
  themes?: string[] | null;

  @Field(() => [ActionStatus], { nullable: true, description: "Statuses as of asOf; any of them." })
  statuses?: ActionStatusValue[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only actions overdue as of asOf (deadline before it, not complete on it); false: only those that are not.",
  })
  overdue?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only actions with a deadline; false: only ongoing or unknown targets.",
  })
  hasDeadline?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Deadline on or after this day." })
  deadlineFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Deadline on or before this day." })
  deadlineTo?: string | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive text search in the action's text and lead." })
  search?: string | null;
}

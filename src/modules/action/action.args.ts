import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ActionFilter } from "./action.input.js";

@ArgsType()
export class ActionsArgs extends ConnectionArgs {
  @Field(() => ActionFilter, { nullable: true, description: "Conditions the actions must meet." })
  filter?: ActionFilter | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "The day statuses and overdue-ness are judged on (default: today, UTC); also the default asOf of the returned actions' status fields.",
  })
  asOf?: string | null;
}

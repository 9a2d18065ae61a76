import { ArgsType, Field } from "type-graphql";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { CouncilFilter } from "./council.input.js";

@ArgsType()
export class CouncilsArgs extends ConnectionArgs {
  @Field(() => CouncilFilter, { nullable: true, description: "Conditions the councils must meet." })
  filter?: CouncilFilter | null;
}

import { Field, InputType } from "type-graphql";
import { LocalDateScalar } from "../../shared/graphql/local-date.scalar.js";
import { ApiKeyRole } from "./api-key.type.js";

@InputType("CreateApiKeyInput", { description: "A key to make." })
export class CreateApiKeyInput {
  @Field(() => ApiKeyRole, { description: "What the key may do." })
  role!: string;

  @Field(() => String, { description: 'Who holds it ("Harlow performance team"), 1 to 200 characters.' })
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description: "GSS codes of the councils an editor's key may change; at least one for an editor, none otherwise.",
  })
  councils?: string[] | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "The last day the key works (through the end of it, UTC); null: no expiry.",
  })
  expiresOn?: string | null;
}

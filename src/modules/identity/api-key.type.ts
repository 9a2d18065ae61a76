import { Field, ObjectType, registerEnumType } from "type-graphql";
import { enumOf } from "../../shared/graphql/enum-of.js";
import { Node } from "../../shared/graphql/node.interface.js";
import { Connection } from "../../shared/graphql/pagination.js";
import { roles } from "./identity.js";

export const ApiKeyRole = enumOf(roles);
registerEnumType(ApiKeyRole, {
  name: "ApiKeyRole",
  description: "What a key may do.",
  valuesConfig: {
    ADMIN: { description: "Everything." },
    EDITOR: { description: "The plans, drafts and audit trail of the councils the key is scoped to." },
    ANALYST: { description: "Its own peer groups; reads like anyone." },
  },
});

@ObjectType("ApiKey", {
  implements: Node,
  description: "An API key, as admins see it: never the key itself, which is shown once when made.",
})
export class ApiKey extends Node {
  @Field(() => String, { description: "The key's first characters (cpcg_ + 8), enough to recognise it in logs." })
  prefix!: string;

  @Field(() => String, { description: "Who holds the key, as its creator named it." })
  name!: string;

  @Field(() => ApiKeyRole, { description: "What the key may do." })
  role!: string;

  @Field(() => String, { nullable: true, description: "When the key stops working (ISO 8601, UTC); null: never." })
  expiresAt!: string | null;

  @Field(() => String, { nullable: true, description: "When the key was last used, to the minute (ISO 8601, UTC)." })
  lastUsedAt!: string | null;

  @Field(() => String, { nullable: true, description: "When the key was revoked (ISO 8601, UTC); null: live." })
  revokedAt!: string | null;

  @Field(() => String, { description: "When the key was made (ISO 8601, UTC)." })
  createdAt!: string;
}

@ObjectType("ApiKeyConnection", { description: "A page of API keys." })
export class ApiKeyConnection extends Connection(ApiKey, "API key") {}

@ObjectType("CreatedApiKey", { description: "A new key and its record." })
export class CreatedApiKey {
  @Field(() => String, {
    description: "The key, shown this once: only its SHA-256 is kept. Send it as Authorization: Bearer <key>.",
  })
  key!: string;

  @Field(() => ApiKey, { description: "The key's record, as apiKeys lists it." })
  apiKey!: ApiKey;
}

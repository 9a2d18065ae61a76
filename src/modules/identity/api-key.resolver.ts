import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../../context.js";
import { ConnectionArgs } from "../../shared/graphql/connection-args.js";
import { idOfType, toGlobalId } from "../../shared/graphql/global-id.js";
import { toConnection } from "../../shared/graphql/pagination.js";
import { Council } from "../council/council.type.js";
import type { CouncilRow } from "../council/council.table.js";
import type { StoredApiKey } from "./api-key.repository.js";
import { CreateApiKeyInput } from "./api-key.input.js";
import { ApiKey, ApiKeyConnection, CreatedApiKey } from "./api-key.type.js";

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: "Every API key, oldest first. Admins only (auth.admin_required)." })
  async apiKeys(@Ctx() ctx: AppContext, @Args(() => ConnectionArgs) { first, after }: ConnectionArgs) {
    return toConnection(await ctx.services.apiKey.listPage(ctx.identity, first, after));
  }

  @Mutation(() => CreatedApiKey, {
    description: "Makes an API key and returns it once; only its hash is stored. Admins only (auth.admin_required).",
  })
  async createApiKey(
    @Ctx() ctx: AppContext,
    @Arg("input", () => CreateApiKeyInput, { description: "The key to make." }) input: CreateApiKeyInput,
  ): Promise<{ key: string; apiKey: StoredApiKey }> {
    const { token, key } = await ctx.services.apiKey.create(
      { role: input.role, name: input.name, councils: input.councils ?? [], expiresOn: input.expiresOn ?? null },
      ctx.identity,
    );
    return { key: token, apiKey: key };
  }

  @Mutation(() => ApiKey, {
    description: "Revokes a key at once; revoking it again keeps the first time. Admins only (auth.admin_required).",
  })
  async revokeApiKey(
    @Ctx() ctx: AppContext,
    @Arg("id", () => ID, { description: "The key's global ID (ApiKey.id)." }) id: string,
  ): Promise<StoredApiKey> {
    return ctx.services.apiKey.revokeAs(ctx.identity, idOfType(id, "ApiKey"));
  }

  @FieldResolver(() => ID, { description: "Global, opaque identifier of this object." })
  id(@Root() key: StoredApiKey): string {
    return toGlobalId("ApiKey", key.id);
  }

  @FieldResolver(() => [Council], { description: "The councils an editor's key may change; empty for other roles." })
  async councils(@Ctx() ctx: AppContext, @Root() key: StoredApiKey): Promise<CouncilRow[]> {
    const rows = await ctx.loaders.council.byId.loadMany(key.councilIds);
    return rows.filter((r): r is CouncilRow => r !== null && !(r instanceof Error));
  }

  @FieldResolver(() => String, { nullable: true, description: "When the key stops working (ISO 8601, UTC)." })
  expiresAt(@Root() key: StoredApiKey): string | null {
    return iso(key.expiresAt);
  }

  @FieldResolver(() => String, { nullable: true, description: "When the key was last used (ISO 8601, UTC)." })
  lastUsedAt(@Root() key: StoredApiKey): string | null {
    return iso(key.lastUsedAt);
  }

  @FieldResolver(() => String, { nullable: true, description: "When the key was revoked (ISO 8601, UTC)." })
  revokedAt(@Root() key: StoredApiKey): string | null {
    return iso(key.revokedAt);
  }

  @FieldResolver(() => String, { description: "When the key was made (ISO 8601, UTC)." })
  createdAt(@Root() key: StoredApiKey): string {
    return key.createdAt.toISOString();
  }
}

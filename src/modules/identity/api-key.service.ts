import { AppError, badInput, sharedErrorCodes } from "../../shared/errors/app-error.js";
import { toPageRequest, type Page } from "../../shared/graphql/pagination.js";
import { isIsoDate } from "../../shared/graphql/local-date.scalar.js";
import type { Logger } from "../../shared/logger.js";
import { currentRequest } from "../../shared/request-context.js";
import type { CouncilService } from "../council/council.service.js";
import type { ApiKeyRepository, StoredApiKey } from "./api-key.repository.js";
import {
  generateToken,
  hashToken,
  hashesEqual,
  isWellFormedToken,
  tokenPrefix,
  visiblePrefix,
} from "./api-key.token.js";
import { identityErrorCodes } from "./identity.errors.js";
import { isAdmin } from "./authorization.policy.js";
import { anonymous, bootstrapAdmin, roles, type Identity, type Role } from "./identity.js";

export interface CreateApiKeyRequest {
  role: string;
  /** GSS codes; an editor's key needs at least one, other roles none. */
  councils: readonly string[];
  name: string;
  /** Last day the key works (YYYY-MM-DD, UTC); null for a key that does not expire. */
  expiresOn: string | null;
}

const maxNameLength = 200;

/** Creates, lists and revokes API keys, and turns a request's `Authorization` header into an identity. */
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly councils: CouncilService,
    private readonly adminToken: string | null,
    private readonly logger: Logger,
  ) {}

  /**
   * Who presents this header. No header (or no Bearer credential) is anonymous; ADMIN_TOKEN is the
   * bootstrap admin; anything else must be a live API key, or the request is refused.
   */
  async identify(authorization: string | undefined, now: Date = new Date()): Promise<Identity> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1] ?? null;
    if (token === null) return anonymous;
    const hash = hashToken(token);
    // Compared as digests: equal lengths whatever was sent, so the time taken tells nothing of ADMIN_TOKEN's length either.
    if (this.adminToken !== null && hashesEqual(hash, hashToken(this.adminToken))) return bootstrapAdmin;
    if (!isWellFormedToken(token)) return this.refuse(identityErrorCodes.invalidKey, token, "malformed");
    const key = await this.keys.findByHash(hash.toString("hex"));
    if (key === null || !hashesEqual(Buffer.from(key.hash, "hex"), hash))
      return this.refuse(identityErrorCodes.invalidKey, token, "unknown");
    if (key.revokedAt !== null) return this.refuse(identityErrorCodes.keyRevoked, token, "revoked");
    if (key.expiresAt !== null && key.expiresAt.getTime() <= now.getTime())
      return this.refuse(identityErrorCodes.keyExpired, token, "expired");
    await this.keys.touch(key.id, now);
    return {
      kind: "key",
      keyId: key.id,
      name: key.name,
      role: key.role as Role,
      councilIds: Object.freeze([...key.councilIds]),
    };
  }

  private refuse(
    code: (typeof identityErrorCodes)[keyof typeof identityErrorCodes],
    token: string,
    why: string,
  ): never {
    // The clear prefix only: enough to find the key in a listing, never enough to use it.
    const prefix = token.startsWith(tokenPrefix) ? visiblePrefix(token) : null;
    this.logger.warn("API key refused", {
      event: "auth.refused",
      why,
      prefix,
      requestId: currentRequest()?.id ?? null,
    });
    const messages: Record<string, string> = {
      malformed: "The Authorization header does not carry a valid key: expected Bearer cpcg_… as issued",
      unknown: "The Authorization header does not carry a valid key: expected Bearer cpcg_… as issued",
      revoked: "This API key has been revoked",
      expired: "This API key has expired",
    };
    throw new AppError(code, messages[why]!, { argument: "Authorization" });
  }

  /** Makes a key; the token is returned once and only its hash is kept. Admins only. */
  async create(
    request: CreateApiKeyRequest,
    createdBy: Identity,
    now: Date = new Date(),
  ): Promise<{ token: string; key: StoredApiKey }> {
    requireAdmin(createdBy, "createApiKey");
    const role = request.role.toUpperCase();
    if (!(roles as readonly string[]).includes(role))
      throw badInput("role", `"${request.role}" is not a role: expected one of ${roles.join(", ").toLowerCase()}`);
    const name = request.name.trim();
    if (name === "" || name.length > maxNameLength)
      throw badInput("name", `A key needs a name of 1 to ${maxNameLength} characters, saying who holds it`);
    if (role === "EDITOR" && request.councils.length === 0)
      throw badInput(
        "council",
        "An editor's key needs at least one council (its GSS code), the councils it may change",
      );
    if (role !== "EDITOR" && request.councils.length > 0)
      throw badInput("council", `Only editors' keys are scoped to councils; a ${role.toLowerCase()} key takes none`);
    let expiresAt: Date | null = null;
    if (request.expiresOn !== null) {
      if (!isIsoDate(request.expiresOn)) throw badInput("expires", `"${request.expiresOn}" is not a date (YYYY-MM-DD)`);
      // The key works through the whole of its last day, UTC.
      expiresAt = new Date(`${request.expiresOn}T00:00:00Z`);
      expiresAt.setUTCDate(expiresAt.getUTCDate() + 1);
      if (expiresAt.getTime() <= now.getTime()) throw badInput("expires", `${request.expiresOn} has already passed`);
    }
    const councils = await this.councils.requireByGss([...new Set(request.councils)], "council[]");
    const token = generateToken();
    const key = await this.keys.insert(
      {
        prefix: visiblePrefix(token),
        hash: hashToken(token).toString("hex"),
        name,
        role,
        expiresAt,
        createdByKeyId: createdBy.kind === "key" ? createdBy.keyId : null,
        councilIds: councils.map((c) => c.id),
      },
      createdBy,
    );
    return { token, key };
  }

  list(by: Identity): Promise<StoredApiKey[]> {
    requireAdmin(by, "apiKeys");
    return this.keys.list();
  }

  async listPage(
    by: Identity,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<StoredApiKey>> {
    requireAdmin(by, "apiKeys");
    const request = toPageRequest(first, after);
    return { ...(await this.keys.findPage(request)), request };
  }

  /** One key for node(id:): null (so "not found") for anyone but an admin. */
  async findAs(by: Identity, id: number): Promise<StoredApiKey | null> {
    if (!isAdmin(by)) return null;
    return (await this.keys.findByIdOrPrefix(String(id)))[0] ?? null;
  }

  async revokeAs(by: Identity, id: number, now: Date = new Date()): Promise<StoredApiKey> {
    return this.revoke(String(id), by, now);
  }

  /** Revokes the key with this id or listed prefix; an unknown or ambiguous one is an error. Admins only. */
  async revoke(idOrPrefix: string, by: Identity, now: Date = new Date()): Promise<StoredApiKey> {
    requireAdmin(by, "revokeApiKey");
    const found = await this.keys.findByIdOrPrefix(idOrPrefix.trim());
    if (found.length !== 1)
      throw new AppError(
        identityErrorCodes.keyNotFound,
        found.length === 0
          ? `No API key has the id or prefix "${idOrPrefix}"`
          : `The prefix "${idOrPrefix}" names several keys: give the id`,
        { argument: "key" },
      );
    await this.keys.revoke(found[0]!.id, now, by);
    return (await this.keys.findByIdOrPrefix(String(found[0]!.id)))[0]!;
  }
}

function requireAdmin(identity: Identity, operation: string): void {
  if (!isAdmin(identity))
    throw new AppError(
      sharedErrorCodes.adminRequired,
      `${operation} needs an admin: send Authorization: Bearer <ADMIN_TOKEN or an admin key>`,
    );
}

import type { AuditRepository } from "./modules/audit/audit.repository.js";
import type { AuditService } from "./modules/audit/audit.service.js";
import type { ActionEditRepository } from "./modules/action/action-edit.repository.js";
import type { ActionEditService } from "./modules/action/action-edit.service.js";
import type { RecommendationEditRepository } from "./modules/recommendation/recommendation-edit.repository.js";
import type { RecommendationEditService } from "./modules/recommendation/recommendation-edit.service.js";
import type { ActionLoaders } from "./modules/action/action.loaders.js";
import type { ActionRepository } from "./modules/action/action.repository.js";
import type { ActionService } from "./modules/action/action.service.js";
import type { BenchmarkLoaders } from "./modules/benchmark/benchmark.loaders.js";
import type { BenchmarkRepository } from "./modules/benchmark/benchmark.repository.js";
import type { BenchmarkService } from "./modules/benchmark/benchmark.service.js";
import type { CouncilLoaders } from "./modules/council/council.loaders.js";
import type { CouncilRepository } from "./modules/council/council.repository.js";
import type { CouncilService } from "./modules/council/council.service.js";
import type { ImportRepository } from "./modules/import/import.repository.js";
import type { ImportService } from "./modules/import/import.service.js";
import type { SourceDocumentLoaders } from "./modules/import/source-document.loaders.js";
import type { SourceDocumentRepository } from "./modules/import/source-document.repository.js";
import type { PeerChallengeLoaders } from "./modules/peer-challenge/peer-challenge.loaders.js";
import type { PeerChallengeRepository } from "./modules/peer-challenge/peer-challenge.repository.js";
import type { PeerChallengeService } from "./modules/peer-challenge/peer-challenge.service.js";
import type { PeerGroupLoaders } from "./modules/peer-group/peer-group.loaders.js";
import type { PeerGroupRepository } from "./modules/peer-group/peer-group.repository.js";
import type { PeerGroupEditService } from "./modules/peer-group/peer-group-edit.service.js";
import type { PeerGroupService } from "./modules/peer-group/peer-group.service.js";
import type { ScopeService } from "./modules/recommendation/recommendation-scope.service.js";
import type { RecommendationLoaders } from "./modules/recommendation/recommendation.loaders.js";
import type { RecommendationRepository } from "./modules/recommendation/recommendation.repository.js";
import type { RecommendationService } from "./modules/recommendation/recommendation.service.js";
import type { ThemeLoaders } from "./modules/theme/theme.loaders.js";
import type { ThemeRepository } from "./modules/theme/theme.repository.js";
import type { ThemeService } from "./modules/theme/theme.service.js";
import type { ApiKeyRepository } from "./modules/identity/api-key.repository.js";
import type { ApiKeyService } from "./modules/identity/api-key.service.js";
import type { Identity } from "./modules/identity/identity.js";
import type { DraftRepository } from "./modules/draft/draft.repository.js";
import type { DraftService } from "./modules/draft/draft.service.js";
import type { Logger } from "./shared/logger.js";
import type { HttpCaller } from "./shared/http/http-caller.js";

/*
 * The request context's shape, apart from the composition root that fills it (app/app.ts): the
 * modules' resolvers read it, and nothing here imports app/, so arrows run modules → context ← app.
 */

export interface AppRepositories {
  council: CouncilRepository;
  peerGroup: PeerGroupRepository;
  peerChallenge: PeerChallengeRepository;
  recommendation: RecommendationRepository;
  theme: ThemeRepository;
  action: ActionRepository;
  actionEdit: ActionEditRepository;
  recommendationEdit: RecommendationEditRepository;
  sourceDocument: SourceDocumentRepository;
  import: ImportRepository;
  benchmark: BenchmarkRepository;
  apiKey: ApiKeyRepository;
  audit: AuditRepository;
  draft: DraftRepository;
}

export interface AppServices {
  council: CouncilService;
  peerGroup: PeerGroupService;
  peerGroupEdit: PeerGroupEditService;
  theme: ThemeService;
  scope: ScopeService;
  action: ActionService;
  actionEdit: ActionEditService;
  recommendationEdit: RecommendationEditService;
  peerChallenge: PeerChallengeService;
  recommendation: RecommendationService;
  import: ImportService;
  benchmark: BenchmarkService;
  apiKey: ApiKeyService;
  audit: AuditService;
  draft: DraftService;
}

/** One request's DataLoaders. */
export interface AppLoaders {
  council: CouncilLoaders;
  peerGroup: PeerGroupLoaders;
  peerChallenge: PeerChallengeLoaders;
  recommendation: RecommendationLoaders;
  theme: ThemeLoaders;
  action: ActionLoaders;
  sourceDocument: SourceDocumentLoaders;
  benchmark: BenchmarkLoaders;
}

/** What every resolver sees: services, this request's DataLoaders, and who is asking. */
export interface AppContext {
  services: AppServices;
  loaders: AppLoaders;
  /** The default `asOf`: today in UTC, fixed once per request so one response never straddles midnight. */
  today: string;
  /** Who is asking, from `Authorization: Bearer …`; services decide what it may see and change. */
  identity: Identity;
  /** Shorthand for `isAdmin(identity)`, kept while resolvers move to the policy. */
  isAdmin: boolean;
  logger: Logger;
  /** The client's address for an HTTP request (rate limits count by it); null in-process, which is not limited. */
  clientAddress: string | null;
}

/** What an HTTP route beside /graphql needs from the app: a fresh context per request. */
export interface ContextFactory {
  /**
   * Rejects with an AppError (class UNAUTHENTICATED) when the request presents a key that cannot be
   * used, or a RateLimitedError when its address has presented too many such keys. `peer` is given
   * for HTTP requests (see httpCaller): only they are rate limited.
   */
  createContext(request: { authorization?: string | undefined; peer?: HttpCaller["peer"] }): Promise<AppContext>;
}

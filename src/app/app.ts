import "reflect-metadata";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { createAuditRepository } from "../modules/audit/audit.repository.js";
import { AuditResolver } from "../modules/audit/audit.resolver.js";
import { AuditService } from "../modules/audit/audit.service.js";
import { createApiKeyRepository } from "../modules/identity/api-key.repository.js";
import { ApiKeyResolver } from "../modules/identity/api-key.resolver.js";
import { ApiKeyService } from "../modules/identity/api-key.service.js";
import { isAdmin } from "../modules/identity/authorization.policy.js";
import type { AppConfig } from "../config.js";
import type { AppContext, AppLoaders, AppRepositories, AppServices, ContextFactory } from "../context.js";
import type { Database } from "../shared/database/database.js";
import { todayIso } from "../shared/graphql/local-date.scalar.js";
import type { Logger } from "../shared/logger.js";
import { createActionEditRepository } from "../modules/action/action-edit.repository.js";
import { ActionEditResolver } from "../modules/action/action-edit.resolver.js";
import { createRecommendationEditRepository } from "../modules/recommendation/recommendation-edit.repository.js";
import { RecommendationEditResolver } from "../modules/recommendation/recommendation-edit.resolver.js";
import { RecommendationEditService } from "../modules/recommendation/recommendation-edit.service.js";
import { ActionEditService } from "../modules/action/action-edit.service.js";
import { createActionLoaders } from "../modules/action/action.loaders.js";
import { createActionRepository } from "../modules/action/action.repository.js";
import { ActionResolver } from "../modules/action/action.resolver.js";
import { ActionService } from "../modules/action/action.service.js";
import { ProgressUpdateResolver } from "../modules/action/progress-update.resolver.js";
import { createBenchmarkLoaders } from "../modules/benchmark/benchmark.loaders.js";
import { createBenchmarkRepository } from "../modules/benchmark/benchmark.repository.js";
import {
  BenchmarkComparisonResolver,
  BenchmarkComparisonRowResolver,
  BenchmarkResolver,
  BenchmarkRowResolver,
  CouncilBenchmarkResolver,
  PeerChallengeTimetableResolver,
} from "../modules/benchmark/benchmark.resolver.js";
import { BenchmarkService } from "../modules/benchmark/benchmark.service.js";
import { createCouncilLoaders } from "../modules/council/council.loaders.js";
import { createCouncilRepository } from "../modules/council/council.repository.js";
import { CouncilResolver } from "../modules/council/council.resolver.js";
import { CouncilService } from "../modules/council/council.service.js";
import { createImportRepository } from "../modules/import/import.repository.js";
import { ImportResolver } from "../modules/import/import.resolver.js";
import { ImportService } from "../modules/import/import.service.js";
import { createSourceDocumentLoaders } from "../modules/import/source-document.loaders.js";
import { createSourceDocumentRepository } from "../modules/import/source-document.repository.js";
import { SourceDocumentResolver, SourceLocationResolver } from "../modules/import/source-document.resolver.js";
import { createPeerChallengeLoaders } from "../modules/peer-challenge/peer-challenge.loaders.js";
import { createPeerChallengeRepository } from "../modules/peer-challenge/peer-challenge.repository.js";
import { PeerChallengeResolver } from "../modules/peer-challenge/peer-challenge.resolver.js";
import { PeerChallengeService } from "../modules/peer-challenge/peer-challenge.service.js";
import { createPeerGroupLoaders } from "../modules/peer-group/peer-group.loaders.js";
import { createPeerGroupRepository } from "../modules/peer-group/peer-group.repository.js";
import { PeerGroupResolver } from "../modules/peer-group/peer-group.resolver.js";
import { PeerGroupEditService } from "../modules/peer-group/peer-group-edit.service.js";
import { PeerGroupService } from "../modules/peer-group/peer-group.service.js";
import { ScopeService } from "../modules/recommendation/recommendation-scope.service.js";
import { createRecommendationLoaders } from "../modules/recommendation/recommendation.loaders.js";
import { createRecommendationRepository } from "../modules/recommendation/recommendation.repository.js";
import { RecommendationResolver } from "../modules/recommendation/recommendation.resolver.js";
import { RecommendationService } from "../modules/recommendation/recommendation.service.js";
import { createThemeLoaders } from "../modules/theme/theme.loaders.js";
import { createThemeRepository } from "../modules/theme/theme.repository.js";
import { ThemeLinkResolver, ThemeResolver } from "../modules/theme/theme.resolver.js";
import { ThemeService } from "../modules/theme/theme.service.js";
import { loadOverrides, loadRules } from "../modules/theme/theme.taxonomy.js";
import { operationNamePlugin } from "./access-log.js";
import { identifyGuarded } from "./authentication-guard.js";
import { clientAddress } from "./client-address.js";
import { createRateLimits, type RateLimits } from "./rate-limit.policies.js";
import { requestLimitsPlugin } from "./request-limits.plugin.js";
import type { Clock } from "../shared/rate-limit/rate-limit.policy.js";
import { depthLimitRule } from "./depth-limit.rule.js";
import { createErrorFormatter } from "./error-format.js";
import { serviceUnavailablePlugin } from "./service-unavailable.plugin.js";
import { checkDatabaseHealth, shippedMigrations, type DatabaseHealth } from "../shared/database/database-health.js";
import { NodeResolver } from "./node.resolver.js";
import { createDraftRepository } from "../modules/draft/draft.repository.js";
import {
  DraftActionResolver,
  DraftRecommendationResolver,
  PlanDraftResolver,
} from "../modules/draft/draft.resolver.js";
import { DraftService } from "../modules/draft/draft.service.js";

export function createRepositories(db: Database): AppRepositories {
  return {
    council: createCouncilRepository({ db }),
    peerGroup: createPeerGroupRepository({ db }),
    peerChallenge: createPeerChallengeRepository({ db }),
    recommendation: createRecommendationRepository({ db }),
    theme: createThemeRepository({ db }),
    action: createActionRepository({ db }),
    actionEdit: createActionEditRepository({ db }),
    recommendationEdit: createRecommendationEditRepository({ db }),
    sourceDocument: createSourceDocumentRepository({ db }),
    import: createImportRepository({ db }),
    benchmark: createBenchmarkRepository({ db }),
    apiKey: createApiKeyRepository({ db }),
    audit: createAuditRepository({ db }),
    draft: createDraftRepository({ db }),
  };
}

export function createServices(
  repos: AppRepositories,
  config: Pick<AppConfig, "projectRoot" | "staleAfterMonths" | "importMaxDocumentBytes" | "adminToken">,
  logger: Logger,
): AppServices {
  const peerGroup = new PeerGroupService(repos.peerGroup);
  const council = new CouncilService(repos.council, peerGroup);
  const themesDir = path.join(config.projectRoot, "seeds", "themes");
  const themeRules = loadRules(themesDir);
  const theme = new ThemeService(repos.theme, council, themeRules.reviewBelow);
  const scope = new ScopeService(council, peerGroup, theme);
  const action = new ActionService(repos.action, scope);
  const importService = new ImportService(repos.import, council, repos.theme, themeRules, loadOverrides(themesDir), {
    maxDocumentBytes: config.importMaxDocumentBytes,
  });
  return {
    council,
    peerGroup,
    peerGroupEdit: new PeerGroupEditService(repos.peerGroup, council),
    theme,
    scope,
    action,
    actionEdit: new ActionEditService(repos.actionEdit),
    recommendationEdit: new RecommendationEditService(repos.recommendationEdit, repos.theme),
    peerChallenge: new PeerChallengeService(repos.peerChallenge, scope),
    recommendation: new RecommendationService(repos.recommendation, scope),
    import: importService,
    benchmark: new BenchmarkService(repos.benchmark, action, peerGroup, config.staleAfterMonths),
    apiKey: new ApiKeyService(repos.apiKey, council, config.adminToken, logger),
    audit: new AuditService(repos.audit, council),
    draft: new DraftService(
      repos.draft,
      importService,
      council,
      repos.theme,
      (tx) => createActionEditRepository({ db: tx }),
      (tx) => createRecommendationEditRepository({ db: tx }),
    ),
  };
}

export function createLoaders(repos: AppRepositories): AppLoaders {
  return {
    council: createCouncilLoaders(repos.council),
    peerGroup: createPeerGroupLoaders(repos.peerGroup),
    peerChallenge: createPeerChallengeLoaders(repos.peerChallenge),
    recommendation: createRecommendationLoaders(repos.recommendation),
    theme: createThemeLoaders(repos.theme),
    action: createActionLoaders(repos.action),
    sourceDocument: createSourceDocumentLoaders(repos.sourceDocument),
    benchmark: createBenchmarkLoaders(repos.benchmark, repos.peerGroup),
  };
}

export const resolvers = [
  NodeResolver,
  CouncilResolver,
  PeerGroupResolver,
  PeerChallengeResolver,
  RecommendationResolver,
  ThemeResolver,
  ThemeLinkResolver,
  ActionResolver,
  ActionEditResolver,
  RecommendationEditResolver,
  ProgressUpdateResolver,
  SourceDocumentResolver,
  SourceLocationResolver,
  ImportResolver,
  PlanDraftResolver,
  DraftRecommendationResolver,
  DraftActionResolver,
  ApiKeyResolver,
  AuditResolver,
  BenchmarkResolver,
  BenchmarkRowResolver,
  BenchmarkComparisonResolver,
  BenchmarkComparisonRowResolver,
  CouncilBenchmarkResolver,
  PeerChallengeTimetableResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: false,
  });
}

export interface App extends ContextFactory {
  schema: GraphQLSchema;
  server: ApolloServer<AppContext>;
  repositories: AppRepositories;
  services: AppServices;
  config: AppConfig;
  logger: Logger;
  rateLimits: RateLimits;
  /** Whether the database answers and is migrated: /readyz. */
  readiness(): Promise<DatabaseHealth>;
  stop(): Promise<void>;
}

/** The composition root: tests build it in-process, `npm start` wraps it with HTTP. */
export async function createApp({
  db,
  config,
  logger,
  clock,
}: {
  db: Database;
  config: AppConfig;
  logger: Logger;
  /** The rate limiter's clock; tests move it by hand. */
  clock?: Clock;
}): Promise<App> {
  const repos = createRepositories(db);
  const rateLimits = createRateLimits(config, { clock });
  const services = createServices(repos, config, logger);
  const schema = await createSchema();
  const server = new ApolloServer<AppContext>({
    schema,
    formatError: createErrorFormatter(logger, config),
    // Cost, root fields and benchmarks are bounded in requestLimitsPlugin, where the variables are known.
    validationRules: [depthLimitRule(config.maxQueryDepth)],
    // Validation costs time in proportion to the document (~0.1 ms a field here); bounding the
    // tokens bounds it, so a thousand-alias bomb is refused in the parser.
    parseOptions: { maxTokens: config.maxQueryTokens },
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // No "Did you mean …" in production: suggestions would list the schema to a client that may not introspect it.
    hideSchemaDetailsFromClientErrors: config.environment === "production",
    // main.ts owns SIGINT/SIGTERM: Apollo's own handlers would stop it mid-request (STACK.md pitfall 8).
    stopOnTerminationSignals: false,
    // Apollo's landing page loads its editor from a CDN; browsers get the bundled explorer instead (web-pages.ts).
    plugins: [
      operationNamePlugin(),
      requestLimitsPlugin(config, rateLimits, logger),
      serviceUnavailablePlugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
    logger: {
      debug: () => undefined,
      info: (m) => logger.info(String(m)),
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
  });
  await server.start();
  const shipped = shippedMigrations(config.projectRoot);
  return {
    schema,
    server,
    repositories: repos,
    services,
    config,
    logger,
    rateLimits,
    async createContext({ authorization, peer }) {
      const address = peer === undefined ? null : clientAddress(peer, config.trustProxyHops);
      const identity = await identifyGuarded(
        rateLimits,
        logger,
        (header) => services.apiKey.identify(header),
        authorization,
        address,
      );
      return {
        services,
        loaders: createLoaders(repos),
        today: todayIso(),
        identity,
        isAdmin: isAdmin(identity),
        logger,
        clientAddress: address,
      };
    },
    readiness: () => checkDatabaseHealth(db, shipped, config.readinessTimeoutMs),
    stop: () => server.stop(),
  };
}
